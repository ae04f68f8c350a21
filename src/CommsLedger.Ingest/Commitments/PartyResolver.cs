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
    private const int _maxSubjectTokens = 9;

    private static readonly HashSet<string> _leading = new(StringComparer.OrdinalIgnoreCase) { "that", ",", "and", "while", "but", "so", "as", "then", "\"", "“" };

    private static readonly HashSet<string> _ownHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "country", "government", "side", "nation", "administration", "state", "people", "authorities", "leadership", "ministry", "delegation",
    };

    private static readonly HashSet<string> _groupHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "sides", "countries", "leaders", "ministers", "nations", "parties", "governments", "presidents", "delegations", "they", "we", "two", "three",
    };

    private static readonly HashSet<string> _groupFillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "two", "three", "four", "both", "all", "foreign", "prime", "our", "their",
    };

    private static readonly HashSet<string> _stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "for", "of", "in", "to", "with", "on", "at", "by", "from", "that", "which", "who", "whose", "said", "says", "is", "are", "was", "were",
        "has", "have", "had", "as", "but", "if", "when", "while", "because", "since", "although", "told", "noted", "appreciates", "thanked",
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
        var first = tokens[start].Value.ToLowerInvariant();
        var speakerCountries = speakers.Select(p => p.Country).OfType<string>().Distinct().ToList();
        var single = end - start == 1 && first is "he" or "she" or "i" or "we" or "they";
        var own = end - start == 2 && first is "his" or "her" or "its" or "their" or "our" or "my" && _ownHeads.Contains(tokens[start + 1].Value);
        if (!single && !own)
        {
            return null;
        }

        if (first is "they" && speakerCountries.Count < 2)
        {
            return ParticipantCountries.Count >= 2 ? ParticipantCountries : null;
        }

        if (first is "he" or "she" && speakers.Count > 1)
        {
            // "X invited Y ..., and she accepted": a pronoun in a later clause is the later speaker.
            return speakers[^1].Country is { } later ? [later] : null;
        }

        return speakerCountries.Count > 0 ? speakerCountries : null;
    }

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

    private IReadOnlyList<string>? People(SentenceContext c, int start, int end)
    {
        var mentions = registry.MentionsIn(c.Sentence.Index).Where(m => m.Mention.TokenStart >= start && m.Mention.TokenEnd <= end).ToList();
        var found = new List<Person>();
        var covered = new HashSet<int>();
        foreach (var (mention, person) in mentions)
        {
            var resolved = person ?? (mention.Title is { } title ? registry.ByTitle(title.Split(' ')[^1].ToLowerInvariant(), mention.Country, null, participants) : null);
            if (resolved is not null)
            {
                found.Add(resolved);
                covered.UnionWith(Enumerable.Range(mention.TokenStart, mention.TokenEnd - mention.TokenStart));
            }
        }

        var names = new List<string>();
        for (var k = start; k < end; k++)
        {
            if (covered.Contains(k) || c.Tokens[k].Value is "and" or "," or "the" or "The")
            {
                continue;
            }

            if (!c.Tokens[k].IsCapitalized)
            {
                return null;
            }

            names.Add(c.Tokens[k].Value.ToLowerInvariant());
        }

        if (names.Count > 0 && registry.ByName(names) is { } named)
        {
            found.Add(named);
        }
        else if (names.Count > 0)
        {
            return null;
        }

        var codes = found.Select(p => p.Country).OfType<string>().Distinct().ToList();
        return codes.Count > 0 ? codes : null;
    }

    private static List<string>? Countries(SentenceContext c, int start, int end, IReadOnlyList<CountryMention> countries)
    {
        var tokens = c.Tokens;
        var codes = new List<string>();
        var extraWords = 0;
        var k = start;
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
                ? t.Value is "the" or "The" or "both" or "Both" or "all" or "All"
                : t.Value is "and" or "-" or "&" || (!_stop.Contains(t.Value) && t.Kind != TokenKind.Punct && ++extraWords <= 4);
            if (!allowed)
            {
                return null;
            }

            k++;
        }

        return codes.Count > 0 ? codes.Distinct().ToList() : null;
    }
}
