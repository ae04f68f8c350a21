namespace CommsLedger.Ingest.Participants;

/// <summary>One person across all their mentions in the readout. Mutable only while the registry is being built.</summary>
internal sealed class Person(string name, IEnumerable<string> keys, int order, int firstSentence, int firstToken)
{
    private readonly HashSet<string> _keys = new(keys, StringComparer.Ordinal);

    public string Name { get; private set; } = name;

    public string? Title { get; set; }

    public string? Country { get; set; }

    public bool CountryInferred { get; set; }

    /// <summary>The country was not stated: the person is taken to speak for the readout's publisher.</summary>
    public bool CountryFromPublisher { get; set; }

    public char? Gender { get; set; }

    /// <summary>Known only as an office of a stated country ("the leaders of Canada, France …", "the President of the European Commission").</summary>
    public bool IsUnnamedOffice { get; init; }

    public int Order { get; } = order;

    public int FirstSentence { get; } = firstSentence;

    /// <summary>Where the person is first named: sentence, then token.</summary>
    public long FirstPosition { get; } = ((long)firstSentence << 20) + firstToken;

    public int LastMentioned { get; set; } = firstSentence;

    public IReadOnlySet<string> Keys => _keys;

    public bool HasKey(string key) => _keys.Contains(key);

    /// <summary>Same person if one name's words are all in the other's ("Wang" in "Wang Yi", "Biden" in "Joseph R. Biden, Jr.").</summary>
    public bool IsNamedBy(IReadOnlyCollection<string> otherKeys) =>
        otherKeys.Count > 0 && (otherKeys.All(_keys.Contains) || _keys.All(otherKeys.Contains));

    public void Absorb(PersonMention mention)
    {
        if (mention.Name is { } name && mention.NameKeys.Count > _keys.Count)
        {
            Name = name;
        }

        _keys.UnionWith(mention.NameKeys);
        if (mention.Title is { } title && (Title is null || title.Length > Title.Length && title.Contains(Title, StringComparison.OrdinalIgnoreCase)))
        {
            Title = title;
        }

        Country ??= mention.Country;
        Gender ??= mention.Gender;
        LastMentioned = Math.Max(LastMentioned, mention.SentenceIndex);
    }

    /// <summary>Named only by office ("The Prime Minister" on the publisher's own page): the name is the title.</summary>
    public bool IsOfficeOnly => Title is not null && Name == Title;

    public bool HasTitleWord(string head) =>
        Title is not null && Title.Split(' ', '-').Any(w => w.Equals(head, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Name} ({Title}, {Country})";
}
