using CommsLedger.Ingest.Countries;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Participants;

/// <summary>A sentence's tokens with its country mentions indexed by token, for the person patterns.</summary>
internal sealed class SentenceContext
{
    private readonly CountryMention?[] _startingAt;
    private readonly CountryMention?[] _endingAt;
    private readonly bool[] _inCountry;

    public SentenceContext(Sentence sentence, IReadOnlyList<CountryMention> countries)
    {
        Sentence = sentence;
        var n = sentence.Tokens.Count;
        _startingAt = new CountryMention?[n + 1];
        _endingAt = new CountryMention?[n + 1];
        _inCountry = new bool[n + 1];
        foreach (var mention in countries)
        {
            _startingAt[mention.TokenStart] = mention;
            _endingAt[mention.TokenEnd] = mention;
            for (var k = mention.TokenStart; k < mention.TokenEnd; k++)
            {
                _inCountry[k] = true;
            }
        }
    }

    public Sentence Sentence { get; }

    public IReadOnlyList<Token> Tokens => Sentence.Tokens;

    public bool IsCountryToken(int index) => index < _inCountry.Length && _inCountry[index];

    public CountryMention? CountryStartingAt(int index) => index < _startingAt.Length ? _startingAt[index] : null;

    public CountryMention? CountryMentionBefore(int index)
    {
        var k = index;
        if (k > 0 && Tokens[k - 1].IsPossessive)
        {
            k--;
        }

        return _endingAt[k];
    }

    /// <summary>"of India" (or "of the Philippines", "de España", "del Perú", "de l'Ukraine", "des États-Unis") right after token <paramref name="index"/>.</summary>
    public CountryMention? CountryAfterOf(int index)
    {
        if (index >= Tokens.Count || !TitleLexicon.Connectors.Contains(Tokens[index].Value))
        {
            return null;
        }

        var p = index + 1;
        if (p < Tokens.Count && TitleLexicon.Articles.Contains(Tokens[p].Value))
        {
            p++;
        }

        return CountryStartingAt(p);
    }

    /// <summary>A country adjective written just after token <paramref name="index"/> ("ministre chinois", "canciller peruano").</summary>
    public CountryMention? DemonymAfter(int index) =>
        CountryStartingAt(index + 1) is { Kind: MentionKind.Demonym } m && Tokens[index + 1].IsLower ? m : null;

    public string Slice(int tokenStart, int tokenEnd) =>
        Sentence.Text[Tokens[tokenStart].Start..Tokens[tokenEnd - 1].End];

    public PersonMention Mention(int start, int end, NameParser.ParsedName? name, string? title, string? country, bool counterpart) =>
        new(
            Sentence.Index,
            start,
            end,
            name is { } n ? Slice(n.Start, n.End) : null,
            name?.Keys ?? [],
            title,
            country,
            counterpart,
            name?.Gender);
}
