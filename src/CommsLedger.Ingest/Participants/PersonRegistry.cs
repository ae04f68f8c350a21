using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Participants;

/// <summary>Everyone named in the readout, merged by name ("Wang Yi" = "Wang"); resolves surnames and titles to _people.</summary>
internal sealed class PersonRegistry
{
    private readonly List<Person> _people = [];
    private readonly Dictionary<int, List<(PersonMention Mention, Person? Person)>> _mentionsBySentence = [];

    public IReadOnlyList<Person> People => _people;

    public IReadOnlyList<(PersonMention Mention, Person? Person)> MentionsIn(int sentence) =>
        _mentionsBySentence.TryGetValue(sentence, out var list) ? list : [];

    public void AddSentence(int sentence, IReadOnlyList<PersonMention> mentions)
    {
        var resolved = mentions.Select(m => (m, Register(m))).ToList();
        foreach (var (mention, person) in resolved)
        {
            if (mention.IsCounterpart && person is { Title: null })
            {
                person.Title = WithoutNationality(resolved.FirstOrDefault(r => r.Item2 is not null && r.Item2 != person && r.Item2.Title is not null).Item2?.Title);
            }
        }

        _mentionsBySentence[sentence] = resolved;
    }

    /// <summary>A counterpart holds the same office in another country: "ministre chinois des Affaires étrangères" → "ministre des Affaires étrangères".</summary>
    private static string? WithoutNationality(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var tokens = Tokenizer.Tokenize(title);
        var demonyms = Countries.Gazetteer.Shared.FindAll(tokens).Where(m => m.Kind == Countries.MentionKind.Demonym).ToList();
        var kept = tokens.Where((_, k) => !demonyms.Any(m => k >= m.TokenStart && k < m.TokenEnd)).ToList();
        return kept.Count == tokens.Count || kept.Count == 0 ? title : string.Join(' ', kept.Select(t => t.Value)).Replace(" '", "'", StringComparison.Ordinal).Replace("' ", "'", StringComparison.Ordinal);
    }

    /// <summary>
    /// The person whose name contains every name word given, most recently mentioned first; else the one whose every name word
    /// is among those given ("Vladimir Putin" for someone so far called only "Putin").
    /// </summary>
    public Person? ByName(IReadOnlyCollection<string> keys) =>
        _people.Where(p => keys.Count > 0 && keys.All(p.HasKey)).OrderByDescending(p => p.LastMentioned).FirstOrDefault()
        ?? (keys.Count > 1 ? _people.Where(p => p.Keys.All(keys.Contains)).OrderByDescending(p => p.LastMentioned).FirstOrDefault() : null);

    /// <summary>Capitalised words of a sentence that are surnames of known _people ("Wang said", "said Lopez").</summary>
    public IEnumerable<(int Token, Person Person)> NamesIn(Sentence sentence)
    {
        var tokens = sentence.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsCapitalized && ByName([tokens[i].Value.ToLowerInvariant()]) is { } person)
            {
                yield return (i, person);
            }
        }
    }

    /// <summary>
    /// "the minister", "the Peruvian minister", "el jefe de Estado": _people holding that office (and country), preferring
    /// someone introduced by that office alone ("The Prime Minister spoke to …" on a No 10 page), then <paramref name="preferred"/>.
    /// </summary>
    public Person? ByTitle(string title, string? country, Person? preferred, IReadOnlyList<Person> among)
    {
        var head = TitleLexicon.HeadOf(title);
        var candidates = among.Where(p => (head is "leader" or "official" || p.HasTitleWord(head)) && (country is null || p.Country == country)).ToList();
        if (candidates.Count == 0)
        {
            candidates = among.Where(p => TitleLexicon.SameOffice(title, p.Title) && (country is null || p.Country == country)).ToList();
        }

        if (candidates.Count == 0 && country is not null)
        {
            candidates = among.Where(p => p.Country == country).ToList();
        }

        // A bare office ("the Prime Minister", "le chef de l'État") is whoever the readout introduced by office alone: the publisher's.
        if (country is null && (candidates.FirstOrDefault(p => p.IsOfficeOnly && string.Equals(p.Title, title, StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault(p => p.IsOfficeOnly)) is { } office)
        {
            return office;
        }

        if (preferred is not null && candidates.Contains(preferred))
        {
            return preferred;
        }

        // "The Secretary" is the Secretary of State before the Foreign Secretary: a title that starts with the word wins.
        return candidates
            .OrderByDescending(p => string.Equals(p.Title, title, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(p => p.Title is not null && TitleLexicon.HeadOf(p.Title) == head)
            .ThenByDescending(p => p.Title?.StartsWith(head, StringComparison.OrdinalIgnoreCase) == true)
            .ThenByDescending(p => p.LastMentioned)
            .FirstOrDefault();
    }

    /// <summary>Someone known only by office and country: named by the office ("Leader of Canada") until a name turns up.</summary>
    public Person AddOffice(string title, string country, string name, int sentence, int token)
    {
        var person = new Person(name, [name.ToLowerInvariant()], _people.Count, sentence, token) { Title = title, Country = country, IsUnnamedOffice = true };
        _people.Add(person);
        return person;
    }

    private Person? Register(PersonMention mention)
    {
        if (mention.Name is null)
        {
            return null;
        }

        var existing = _people.Where(p => p.IsNamedBy(mention.NameKeys)).OrderByDescending(p => p.LastMentioned).FirstOrDefault()
            ?? OfficeNowNamed(mention);
        if (existing is null)
        {
            existing = new Person(mention.Name, mention.NameKeys, _people.Count, mention.SentenceIndex, mention.TokenStart);
            _people.Add(existing);
        }

        existing.Absorb(mention);
        return existing;
    }

    /// <summary>"Foreign Secretary" in a headline, then "Foreign Secretary James Cleverly": the office gets its holder's name.</summary>
    private Person? OfficeNowNamed(PersonMention mention) =>
        mention is { Title: { } title, Country: null, NameKeys.Count: >= 2 }
            ? _people.FirstOrDefault(p => p.IsOfficeOnly && p.Country is null && string.Equals(p.Title, title, StringComparison.OrdinalIgnoreCase))
            : null;
}
