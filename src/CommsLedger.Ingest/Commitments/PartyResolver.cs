using CommsLedger.Ingest.Countries;
using CommsLedger.Ingest.Participants;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Commitments;

/// <summary>
/// Which parties a clause's subject stands for: "China", "The Peruvian side", "China's vaccine", "his country" (the speaker's),
/// "he", "the two sides" (everyone), "President Biden". Anything else ("the vaccine", "the research") is no party.
/// </summary>
internal sealed class PartyResolver(PersonRegistry registry, IReadOnlyList<Person> participants)
{
    private const int _maxSubjectTokens = 12;

    private static readonly HashSet<string> _leading = new(StringComparer.OrdinalIgnoreCase) { "that", ",", "and", "while", "but", "so", "as", "then", "\"", "“", "que", "qu'", "y", "et", "pero", "mais" };

    /// <summary>What "his country", "their teams", "su gobierno", "leurs équipes" stand for: the speaker's (or speakers') side.</summary>
    private static readonly HashSet<string> _ownHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "country", "government", "side", "nation", "administration", "state", "people", "authorities", "leadership", "ministry", "delegation",
        "teams", "team", "officials", "negotiators", "representatives", "delegations", "governments", "ministries", "countries",
        "país", "gobierno", "nación", "parte", "delegación", "equipos", "gobiernos", "países", "pays", "gouvernement", "nation", "partie",
        "délégation", "équipes", "gouvernements",
    };

    private static readonly HashSet<string> _possessives = new(StringComparer.OrdinalIgnoreCase)
    {
        "his", "her", "its", "their", "our", "my", "su", "sus", "nuestro", "nuestra", "nuestros", "son", "sa", "ses", "leur", "leurs", "notre", "nos",
    };

    private static readonly HashSet<string> _pluralPronouns = new(StringComparer.OrdinalIgnoreCase) { "they", "ellos", "ellas", "ils", "elles", "both", "ambos", "ambas" };

    private static readonly HashSet<string> _singlePronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "i", "we", "él", "ella", "il", "elle", "nous", "nosotros" };

    private static readonly HashSet<string> _groupHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "sides", "countries", "leaders", "ministers", "nations", "parties", "governments", "presidents", "delegations", "they", "we", "two", "three",
        "officials", "counterparts", "teams", "secretaries", "premiers", "chancellors",
        "partes", "países", "gobiernos", "cancilleres", "mandatarios", "presidentes", "ministros", "líderes", "dirigentes", "jefes", "delegaciones", "naciones",
        "pays", "gouvernements", "ministres", "dirigeants", "présidents", "chefs", "délégations",
    };

    private static readonly HashSet<string> _groupFillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "two", "three", "four", "both", "all", "foreign", "prime", "our", "their", "los", "las", "les", "dos", "tres", "deux", "trois",
        "ambos", "ambas", "tous", "toutes", "sus", "leurs",
    };

    /// <summary>Words a subject may have before its country: "the", "both", "la partie chinoise", "el lado peruano".</summary>
    private static readonly HashSet<string> _beforeCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "both", "all", "el", "la", "los", "las", "le", "les", "l'", "side", "parte", "partie", "lado", "government", "gobierno", "gouvernement",
    };

    /// <summary>Words that join names or titles in a subject ("Vladimir Putin and Angela Merkel", "el Secretario y el Ministro").</summary>
    private static readonly HashSet<string> _joiners = new(StringComparer.OrdinalIgnoreCase) { "and", ",", "&", "y", "e", "et" };

    private static readonly HashSet<string> _articles = new(StringComparer.OrdinalIgnoreCase) { "the", "el", "la", "los", "las", "le", "les", "l'" };

    private static readonly HashSet<string> _stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "for", "of", "in", "to", "with", "on", "at", "by", "from", "that", "which", "who", "whose", "said", "says", "is", "are", "was", "were",
        "has", "have", "had", "as", "but", "if", "when", "while", "because", "since", "although", "told", "noted", "appreciates", "thanked",
        "que", "qui", "con", "avec", "para", "pour", "por", "par", "en", "dans", "sobre", "sur", "contra", "contre", "cualquier", "toute", "tout",
    };

    public IReadOnlyList<string> ParticipantCountries => participants.Select(p => p.Country).OfType<string>().Distinct().ToList();

    public IReadOnlyList<string>? Resolve(SentenceContext c, int start, int end, IReadOnlyList<CountryMention> countries, IReadOnlyList<Person> speakers)
    {
        var tokens = c.Tokens;
        start = SkipLeading(tokens, start, end);
        if (end - start is <= 0 or > _maxSubjectTokens)
        {
            return null;
        }

        return Pronoun(tokens, start, end, speakers)
            ?? Group(tokens, start, end)
            ?? People(c, start, end)
            ?? Countries(c, start, end, countries);
    }

    /// <summary>Participants named (fully or by surname) in a span of the sentence.</summary>
    public IEnumerable<Person> PeopleNamedIn(SentenceContext c, int charStart, int charEnd) =>
        registry.NamesIn(c.Sentence)
            .Where(n => c.Tokens[n.Token].Start >= charStart && c.Tokens[n.Token].End <= charEnd && participants.Contains(n.Person))
            .Select(n => n.Person);

    /// <summary>Skips words that open a clause but are not its subject ("that", "and", a comma).</summary>
    public static int SkipLeading(IReadOnlyList<Token> tokens, int start, int end)
    {
        while (start < end && _leading.Contains(tokens[start].Value))
        {
            start++;
        }

        return start;
    }

    private IReadOnlyList<string>? Pronoun(IReadOnlyList<Token> tokens, int start, int end, IReadOnlyList<Person> speakers)
    {
        var first = tokens[start].Value;
        var speakerCountries = speakers.Select(p => p.Country).OfType<string>().Distinct().ToList();
        var plural = end - start == 1 && _pluralPronouns.Contains(first);
        var single = end - start == 1 && _singlePronouns.Contains(first);
        var own = end - start == 2 && _possessives.Contains(first) && _ownHeads.Contains(tokens[start + 1].Value);
        if (!plural && !single && !own)
        {
            return null;
        }

        if ((plural || first.Equals("their", StringComparison.OrdinalIgnoreCase) || first.StartsWith("leur", StringComparison.OrdinalIgnoreCase)) && speakerCountries.Count < 2)
        {
            return ParticipantCountries.Count >= 2 ? ParticipantCountries : null;
        }

        if (single && speakers.Count > 1 && !first.Equals("we", StringComparison.OrdinalIgnoreCase) && !first.Equals("nous", StringComparison.OrdinalIgnoreCase))
        {
            // "X invited Y ..., and she accepted": a pronoun in a later clause is the later speaker.
            return speakers[^1].Country is { } later ? [later] : null;
        }

        return speakerCountries.Count > 0 ? speakerCountries : null;
    }

    /// <summary>"the two sides", "both leaders", "ambos cancilleres", "les deux ministres": every participating country.</summary>
    private IReadOnlyList<string>? Group(IReadOnlyList<Token> tokens, int start, int end)
    {
        if (!_groupHeads.Contains(tokens[end - 1].Value) || end - start == 1)
        {
            return null;
        }

        for (var k = start; k < end - 1; k++)
        {
            if (!_groupFillers.Contains(tokens[k].Value))
            {
                return null;
            }
        }

        return ParticipantCountries.Count >= 2 ? ParticipantCountries : null;
    }

    /// <summary>
    /// People named or titled in the subject, joined by and / y / et: "Vladimir Putin and Angela Merkel", "President Biden",
    /// "El Secretario de Estado y el Ministro". In a meeting of two, a title no one else holds is the other participant.
    /// </summary>
    private IReadOnlyList<string>? People(SentenceContext c, int start, int end)
    {
        var mentions = registry.MentionsIn(c.Sentence.Index).Where(m => m.Mention.TokenStart >= start && m.Mention.TokenEnd <= end).ToList();
        var found = new List<Person>();
        var unresolved = 0;
        var covered = new HashSet<int>();
        foreach (var (mention, person) in mentions)
        {
            var resolved = person ?? (mention.Title is { } title ? registry.ByTitle(title, mention.Country, null, participants) : null);
            if (resolved is not null)
            {
                if (!found.Contains(resolved))
                {
                    found.Add(resolved);
                }
            }
            else if (mention.Title is not null && mention.Name is null)
            {
                unresolved++;
            }
            else
            {
                continue;
            }

            covered.UnionWith(Enumerable.Range(mention.TokenStart, mention.TokenEnd - mention.TokenStart));
        }

        if (NameGroups(c.Tokens, start, end, covered) is not { } groups)
        {
            return null;
        }

        foreach (var names in groups)
        {
            if (registry.ByName(names) is not { } named)
            {
                return null;
            }

            found.Add(named);
        }

        if (unresolved > 0)
        {
            var others = participants.Where(p => !found.Contains(p)).ToList();
            if (unresolved != 1 || found.Count != 1 || others.Select(p => p.Country).Distinct().Count() != 1)
            {
                return null;
            }

            found.Add(others[0]);
        }

        var codes = found.Select(p => p.Country).OfType<string>().Distinct().ToList();
        return codes.Count > 0 ? codes : null;
    }

    /// <summary>The capitalised words of a subject outside any mention, one group per conjunct; null groups on any other word.</summary>
    private static List<List<string>>? NameGroups(IReadOnlyList<Token> tokens, int start, int end, HashSet<int> covered)
    {
        var groups = new List<List<string>> { new() };
        for (var k = start; k < end; k++)
        {
            if (covered.Contains(k) || _articles.Contains(tokens[k].Value))
            {
                continue;
            }

            if (_joiners.Contains(tokens[k].Value))
            {
                groups.Add([]);
                continue;
            }

            if (!tokens[k].IsCapitalized)
            {
                return null;
            }

            groups[^1].Add(tokens[k].Value.ToLowerInvariant());
        }

        return groups.Where(g => g.Count > 0).ToList();
    }

    /// <summary>"China", "The Peruvian side", "la partie chinoise", "Foreign Ministers of Poland, Ukraine and the United Kingdom".</summary>
    private static List<string>? Countries(SentenceContext c, int start, int end, IReadOnlyList<CountryMention> countries)
    {
        var tokens = c.Tokens;
        var codes = new List<string>();
        var extraWords = 0;
        var k = SkipOfficeHoldersOf(tokens, start, end);
        while (k < end)
        {
            var mention = countries.FirstOrDefault(m => m.TokenStart == k);
            if (mention.Code is not null && mention.TokenEnd <= end)
            {
                codes.Add(mention.Code);
                k = mention.TokenEnd < end && tokens[mention.TokenEnd].IsPossessive ? mention.TokenEnd + 1 : mention.TokenEnd;
                continue;
            }

            var t = tokens[k];
            var before = codes.Count == 0;
            var allowed = before
                ? _beforeCountry.Contains(t.Value)
                : _joiners.Contains(t.Value) || t.Value == "-" || _articles.Contains(t.Value) || (!_stop.Contains(t.Value) && t.Kind != TokenKind.Punct && ++extraWords <= 4);
            if (!allowed)
            {
                return null;
            }

            k++;
        }

        return codes.Count > 0 ? codes.Distinct().ToList() : null;
    }

    /// <summary>Skips "Foreign Ministers of", "the leaders of", "los cancilleres de": a plural office before a list of countries.</summary>
    private static int SkipOfficeHoldersOf(IReadOnlyList<Token> tokens, int start, int end)
    {
        var k = start;
        while (k < end && (_articles.Contains(tokens[k].Value) || TitleLexicon.IsTitleWord(tokens[k].Value)))
        {
            k++;
        }

        var plural = k < end && TitleLexicon.PluralHeads.ContainsKey(tokens[k].Value);
        return plural && k + 1 < end && TitleLexicon.Connectors.Contains(tokens[k + 1].Value) ? k + 2 : start;
    }
}
