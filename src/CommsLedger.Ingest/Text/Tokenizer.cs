using System.Text.RegularExpressions;

namespace CommsLedger.Ingest.Text;

internal static partial class Tokenizer
{
    // Dotted acronyms (U.S., P.R.C.), a French elided article or pronoun (l', d', qu', s') as its own token, words with inner
    // apostrophes (O'Neill) but not the possessive 's, the possessive itself, numbers, then any other single non-space character.
    [GeneratedRegex(@"\p{Lu}(?:\.\p{Lu})+\.?|(?<![\p{L}\p{M}])(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|L|D|Qu|S|N|J|C)['’](?=\p{L})|[\p{L}\p{M}]+(?:['’](?![sS]\b)[\p{L}\p{M}]+)*|['’][sS]?(?![\p{L}])|\p{N}+(?:[.,]\p{N}+)*(?:st|nd|rd|th)?|\S",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex TokenPattern();

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        foreach (var match in TokenPattern().EnumerateMatches(text))
        {
            var value = text.Substring(match.Index, match.Length).Replace('’', '\'').Replace('\u2011', '-').Replace('\u2010', '-');
            tokens.Add(new Token(value, match.Index, match.Index + match.Length, KindOf(value)));
        }

        return tokens;
    }

    /// <summary>The tokens lying within the characters [<paramref name="charStart"/>, <paramref name="charEnd"/>):
    /// the index of the first and one past the last.</summary>
    public static (int Start, int End) Range(IReadOnlyList<Token> tokens, int charStart, int charEnd)
    {
        var start = 0;
        while (start < tokens.Count && tokens[start].Start < charStart)
        {
            start++;
        }

        var end = start;
        while (end < tokens.Count && tokens[end].End <= charEnd)
        {
            end++;
        }

        return (start, end);
    }

    private static TokenKind KindOf(string value) =>
        char.IsLetter(value[0]) ? TokenKind.Word
        : char.IsDigit(value[0]) ? TokenKind.Number
        : value.Length > 1 && char.IsLetter(value[1]) ? TokenKind.Word
        : TokenKind.Punct;
}
