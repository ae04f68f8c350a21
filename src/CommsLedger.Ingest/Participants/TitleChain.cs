using System.Globalization;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Participants;

/// <summary>
/// Reads an office title: title words joined by "and", hyphens, or "of"/"for" + portfolio ("Minister of Foreign Affairs");
/// "of" + a country ends it and gives the country ("President of France").
/// </summary>
internal static class TitleChain
{
    public readonly record struct Parsed(int Start, int TitleEnd, int After, string Text, string? OfCountry);

    public static Parsed? Parse(SentenceContext c, int i)
    {
        var tokens = c.Tokens;
        var j = i;
        while (j < tokens.Count && tokens[j].IsCapitalized && TitleLexicon.OrganisationWords.Contains(tokens[j].Value))
        {
            j++;
        }

        if (j >= tokens.Count || !IsTitleToken(tokens[j], tokens[j].IsLower))
        {
            return null;
        }

        var lower = tokens[j].IsLower;
        var titleEnd = -1;
        var sawHead = false;
        string? ofCountry = null;
        while (j < tokens.Count)
        {
            var t = tokens[j];
            if (IsTitleToken(t, lower))
            {
                sawHead |= TitleLexicon.Heads.Contains(t.Value) && (!lower || TitleLexicon.LowerCaseHeads.Contains(t.Value));
                titleEnd = j;
                j++;
                continue;
            }

            if (t.Value == "-" && titleEnd == j - 1 && j + 1 < tokens.Count && IsTitleToken(tokens[j + 1], lower) && tokens[j + 1].Start == t.End && t.Start == tokens[j - 1].End)
            {
                j++;
                continue;
            }

            if ((t.Is("and") || t.Value == "&") && sawHead && titleEnd == j - 1 && j + 1 < tokens.Count && IsTitleToken(tokens[j + 1], lower))
            {
                j++;
                continue;
            }

            if ((t.Is("of") || t.Is("for")) && titleEnd == j - 1)
            {
                if (c.CountryAfterOf(j) is { } country)
                {
                    if (sawHead)
                    {
                        ofCountry = country.Code;
                        j = country.TokenEnd;
                    }

                    break;
                }

                var p = j + 1 < tokens.Count && tokens[j + 1].Is("the") ? j + 2 : j + 1;
                if (p < tokens.Count && IsTitleToken(tokens[p], lower) && !TitleLexicon.Heads.Contains(tokens[p].Value))
                {
                    j = p;
                    continue;
                }
            }

            break;
        }

        if (!sawHead)
        {
            return null;
        }

        var text = c.Slice(i, titleEnd + 1);
        return new Parsed(i, titleEnd, ofCountry is null ? titleEnd + 1 : j, lower ? TitleCase(text) : text, ofCountry);
    }

    public static bool IsStandaloneHead(string title)
    {
        var last = title.Split(' ', '-')[^1];
        return TitleLexicon.LowerCaseHeads.Contains(last.ToLowerInvariant());
    }

    private static bool IsTitleToken(Token t, bool lower) =>
        t.IsWord && (lower ? t.IsLower : t.IsCapitalized) && TitleLexicon.IsTitleWord(t.Value);

    private static string TitleCase(string text) =>
        string.Join(' ', text.Split(' ').Select(w => w is "of" or "for" or "and" or "the" ? w : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w)));
}
