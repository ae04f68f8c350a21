using System.Text.RegularExpressions;

namespace CommsLedger.Ingest.Text;

internal static partial class Tokenizer
{
    // Dotted acronyms (U.S., P.R.C.), words with inner apostrophes (d'Ivoire) but not the possessive 's,
    // the possessive itself, numbers, then any other single non-space character.
    [GeneratedRegex(@"\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{M}]+(?:['’](?![sS]\b)[\p{L}\p{M}]+)*|['’][sS]?(?![\p{L}])|\p{N}+(?:[.,]\p{N}+)*(?:st|nd|rd|th)?|\S",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex TokenPattern();

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        foreach (var match in TokenPattern().EnumerateMatches(text))
        {
            var value = text.Substring(match.Index, match.Length).Replace('’', '\'');
            tokens.Add(new Token(value, match.Index, match.Index + match.Length, KindOf(value)));
        }

        return tokens;
    }

    private static TokenKind KindOf(string value) =>
        char.IsLetter(value[0]) ? TokenKind.Word
        : char.IsDigit(value[0]) ? TokenKind.Number
        : value.Length > 1 && char.IsLetter(value[1]) ? TokenKind.Word
        : TokenKind.Punct;
}
