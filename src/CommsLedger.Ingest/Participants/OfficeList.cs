using CommsLedger.Ingest.Countries;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Participants;

/// <summary>An office held in each of several countries, named without the holders: "the leaders of Canada, France, … and the United States".</summary>
internal sealed record OfficeList(string Title, int TokenStart, IReadOnlyList<string> Countries);

/// <summary>
/// Finds a plural office followed by a list of countries, in English, Spanish or French: "the leaders of the UK, France and
/// Germany", "Foreign Ministers of Poland, Ukraine and the United Kingdom", "los cancilleres de Perú y de Ecuador",
/// "les ministres des Affaires étrangères du Maroc et de l'Ukraine". The title is given in the singular ("Foreign Minister").
/// </summary>
internal static class OfficeListFinder
{
    private const int _maxCountries = 40;

    private static readonly HashSet<string> _joiners = new(StringComparer.OrdinalIgnoreCase) { ",", "and", "y", "e", "et", "as", "well", "también" };

    public static IEnumerable<OfficeList> Find(SentenceContext c)
    {
        var tokens = c.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord || !TitleLexicon.PluralHeads.TryGetValue(tokens[i].Value, out var singular))
            {
                continue;
            }

            var start = i;
            while (start > 0 && tokens[start - 1].IsWord && TitleLexicon.Modifiers.Contains(tokens[start - 1].Value))
            {
                start--;
            }

            var (countries, end) = CountriesAfter(c, PortfolioEnd(c, i + 1));
            if (countries.Count >= 2)
            {
                var modifiers = start < i ? c.Slice(start, i) + " " : "";
                yield return new OfficeList(modifiers + MatchCase(singular, tokens[i].Value), start, countries);
                i = end - 1;
            }
        }
    }

    /// <summary>Skips "of Foreign Affairs" / "des Affaires étrangères" after the head, up to the connector before the first country.</summary>
    private static int PortfolioEnd(SentenceContext c, int p)
    {
        var tokens = c.Tokens;
        var q = p;
        while (q < tokens.Count && TitleLexicon.Connectors.Contains(tokens[q].Value) && c.CountryAfterOf(q) is null)
        {
            var r = q + 1;
            if (r < tokens.Count && TitleLexicon.Articles.Contains(tokens[r].Value))
            {
                r++;
            }

            if (r >= tokens.Count || !tokens[r].IsWord || !TitleLexicon.Modifiers.Contains(tokens[r].Value))
            {
                return p;
            }

            while (r < tokens.Count && tokens[r].IsWord && TitleLexicon.IsTitleWord(tokens[r].Value))
            {
                r++;
            }

            q = r;
        }

        return q;
    }

    private static (List<string> Countries, int End) CountriesAfter(SentenceContext c, int p)
    {
        var tokens = c.Tokens;
        var codes = new List<string>();
        if (c.CountryAfterOf(p) is not { } first)
        {
            return (codes, p);
        }

        codes.Add(first.Code);
        p = first.TokenEnd;
        while (p < tokens.Count && codes.Count < _maxCountries)
        {
            var q = p;
            while (q < tokens.Count && _joiners.Contains(tokens[q].Value))
            {
                q++;
            }

            if (q == p)
            {
                break;
            }

            var next = c.CountryAfterOf(q) ?? (q < tokens.Count && TitleLexicon.Articles.Contains(tokens[q].Value) ? c.CountryStartingAt(q + 1) : c.CountryStartingAt(q));
            if (next is not { } m)
            {
                break;
            }

            codes.Add(m.Code);
            p = m.TokenEnd;
        }

        return (codes.Distinct().ToList(), p);
    }

    private static string MatchCase(string word, string like) =>
        char.IsUpper(like[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
}
