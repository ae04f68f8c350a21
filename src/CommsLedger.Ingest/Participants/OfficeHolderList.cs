using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Participants;

/// <summary>
/// Several office holders named in one list after a plural title: "the foreign ministers of Peru, Ricardo Luna, and of Ecuador,
/// María Fernanda Espinosa", "los cancilleres de Perú, Ricardo Luna, y de Ecuador, …", "les ministres de X, A, et de Y, B".
/// Each country is followed by its holder's name; a list without names gives no one here.
/// </summary>
internal static class OfficeHolderList
{
    private static readonly HashSet<string> _joiners = new(StringComparer.OrdinalIgnoreCase) { ",", "and", "y", "e", "et" };

    public static IReadOnlyList<PersonMention> Find(SentenceContext c, int i)
    {
        var tokens = c.Tokens;
        if (!tokens[i].IsWord || !TitleLexicon.PluralHeads.ContainsKey(tokens[i].Value))
        {
            return [];
        }

        var title = tokens[i].Value;
        var found = new List<PersonMention>();
        var p = i + 1;
        while (p < tokens.Count && found.Count < 12)
        {
            var start = p;
            while (p < tokens.Count && _joiners.Contains(tokens[p].Value) && found.Count > 0)
            {
                p++;
            }

            var country = TitleLexicon.Connectors.Contains(tokens[p < tokens.Count ? p : start].Value) ? c.CountryAfterOf(p) : (found.Count > 0 ? c.CountryStartingAt(p) : null);
            if (country is not { } cm)
            {
                p = start;
                break;
            }

            p = cm.TokenEnd;
            if (p < tokens.Count && tokens[p].Value == ",")
            {
                p++;
            }

            if (NameParser.Parse(tokens, p, c.IsCountryToken) is not { Keys.Count: >= 2 } name)
            {
                p = start;
                break;
            }

            found.Add(c.Mention(found.Count == 0 ? i : start, name.End, name, title, cm.Code, false));
            p = name.End;
        }

        return found.Count >= 2 ? found : [];
    }
}
