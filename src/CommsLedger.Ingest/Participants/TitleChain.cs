using System.Globalization;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Participants;

/// <summary>
/// Reads an office title: title words joined by "and", hyphens, or "of"/"for" + portfolio ("Minister of Foreign Affairs");
/// "of" + a country ends it and gives the country ("President of France").
/// </summary>
internal static class TitleChain
{
    public readonly record struct Parsed(int Start, int TitleEnd, int After, string Text, string? OfCountry, bool HasPortfolio = false);

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
        var anyCase = false;
        var titleEnd = -1;
        var chainEnd = -1;
        var sawHead = false;
        var portfolio = false;
        string? ofCountry = null;
        while (j < tokens.Count)
        {
            var t = tokens[j];
            if (IsTitleToken(t, lower) || (anyCase && t.IsWord && TitleLexicon.IsTitleWord(t.Value)))
            {
                sawHead |= TitleLexicon.Heads.Contains(t.Value) && (!lower || TitleLexicon.LowerCaseHeads.Contains(t.Value));
                titleEnd = chainEnd = j;
                j++;
                continue;
            }

            // "ministre chinois des Affaires étrangères", "canciller peruano": a country adjective after the head.
            if (sawHead && ofCountry is null && chainEnd == j - 1 && c.DemonymAfter(j - 1) is { } demonym)
            {
                ofCountry = demonym.Code;
                chainEnd = demonym.TokenEnd - 1;
                j = demonym.TokenEnd;
                continue;
            }

            if (t.Value == "-" && titleEnd == j - 1 && j + 1 < tokens.Count && IsTitleToken(tokens[j + 1], lower) && tokens[j + 1].Start == t.End && t.Start == tokens[j - 1].End)
            {
                j++;
                continue;
            }

            // "State Councilor and Foreign Minister" is one title; "the Prime Minister and Prime Minister Meloni" are two people.
            if ((t.Is("and") || t.Value == "&") && sawHead && titleEnd == j - 1 && j + 1 < tokens.Count && IsTitleToken(tokens[j + 1], lower) && !tokens[j + 1].Is(tokens[i].Value))
            {
                j++;
                continue;
            }

            if (TitleLexicon.Connectors.Contains(t.Value) && chainEnd == j - 1)
            {
                if (c.CountryAfterOf(j) is { } country)
                {
                    if (sawHead)
                    {
                        ofCountry = country.Code;
                        j = country.TokenEnd;
                        // "President of the European Commission", "Chairperson of the African Union Commission": the body is part of the title.
                        while (j < tokens.Count && tokens[j].IsCapitalized && TitleLexicon.OrganisationWords.Contains(tokens[j].Value))
                        {
                            titleEnd = j++;
                        }
                    }

                    break;
                }

                var p = j + 1 < tokens.Count && TitleLexicon.Articles.Contains(tokens[j + 1].Value) ? j + 2 : j + 1;
                if (p < tokens.Count && tokens[p].IsWord && TitleLexicon.IsTitleWord(tokens[p].Value) && !TitleLexicon.Heads.Contains(tokens[p].Value))
                {
                    j = p;
                    anyCase = true;
                    portfolio = true;
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
        var after = ofCountry is null ? titleEnd + 1 : Math.Max(j, titleEnd + 1);
        return new Parsed(i, titleEnd, after, lower && !anyCase ? TitleCase(text) : text, ofCountry, portfolio);
    }

    /// <summary>A title that names an office on its own ("the Prime Minister", "the Secretary of State", "el canciller del Perú").</summary>
    public static bool IsStandaloneHead(string title) =>
        title.Split(' ', '-').Any(w => TitleLexicon.LowerCaseHeads.Contains(w.ToLowerInvariant()));

    private static bool IsTitleToken(Token t, bool lower) =>
        t.IsWord && (lower ? t.IsLower : t.IsCapitalized) && TitleLexicon.IsTitleWord(t.Value);

    private static string TitleCase(string text) =>
        string.Join(' ', text.Split(' ').Select(w => w is "of" or "for" or "and" or "the" ? w : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w)));
}
