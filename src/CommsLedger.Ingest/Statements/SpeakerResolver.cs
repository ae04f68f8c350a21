using CommsLedger.Ingest.Countries;
using CommsLedger.Ingest.Participants;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Statements;

/// <summary>
/// Turns the words in front of (or after) a speech verb into the people speaking: a named or titled person, a surname
/// ("Wang"), a bare title ("the Peruvian minister"), a pronoun ("he", switched by "For his part"), a side ("the Peruvian side")
/// or a group ("the two leaders"). Keeps who spoke last, which is what pronouns need.
/// </summary>
internal sealed class SpeakerResolver(PersonRegistry registry, Func<IReadOnlyList<Person>> participants)
{
    private static readonly HashSet<string> _groupHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "leaders", "sides", "ministers", "presidents", "parties", "countries", "delegations", "officials", "counterparts",
        "secretaries", "premiers", "chancellors", "they", "both", "governments", "nations", "two",
        "cancilleres", "mandatarios", "ministros", "presidentes", "líderes", "dirigentes", "partes", "países", "gobiernos", "delegaciones", "ellos",
        "ambos", "ministres", "dirigeants", "présidents", "chefs", "pays", "gouvernements", "délégations", "ils", "elles",
    };

    private static readonly HashSet<string> _groupFillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "two", "three", "four", "five", "both", "all", "foreign", "prime", "heads", "of", "state", "government", "and", "top", "each", "other",
        "los", "las", "dos", "tres", "ambos", "ambas", "les", "deux", "trois", "tous", "toutes", "de", "d'", "estado", "état", "l'",
    };

    /// <summary>Words that may join the people of one subject ("X and Y", "el Secretario y el Ministro", "le premier ministre et le président").</summary>
    private static readonly HashSet<string> _joining = new(StringComparer.OrdinalIgnoreCase) { "and", ",", "&", "the", "both", "y", "e", "et", "el", "la", "le", "les", "los", "las", "l'" };

    private static readonly HashSet<string> _sideWords = new(StringComparer.OrdinalIgnoreCase) { "side", "government", "delegation", "administration", "leader", "parte", "gobierno", "delegación", "partie", "gouvernement", "délégation" };

    private readonly List<Person> _history = [];

    public Person? LastSpeaker => _history.Count > 0 ? _history[^1] : null;

    /// <summary>The person named at the very start of a phrase ("European Commission President Ingrid Holm met ...").</summary>
    public IReadOnlyList<Person>? SubjectAt(SentenceContext context, int tokenStart, IReadOnlyList<CountryMention> countries, bool switchesSpeaker)
    {
        var subject = registry.MentionsIn(context.Sentence.Index).FirstOrDefault(m => m.Mention.TokenStart == tokenStart && m.Person is not null);
        return subject.Mention is null ? null : Resolve(context, tokenStart, subject.Mention.TokenEnd, countries, switchesSpeaker);
    }

    public IReadOnlyList<Person>? Resolve(SentenceContext context, int tokenStart, int tokenEnd, IReadOnlyList<CountryMention> countries, bool switchesSpeaker, IReadOnlyList<Person>? exclude = null)
    {
        var tokens = context.Tokens;
        while (tokenStart < tokenEnd && tokens[tokenStart].Value is "," or "and" or "And" or "but" or "But" or "\"" or "“" or "”")
        {
            tokenStart++;
        }

        var length = tokenEnd - tokenStart;
        if (length <= 0 || length > 14)
        {
            return null;
        }

        var speakers = Pronoun(tokens[tokenStart], length, switchesSpeaker, exclude ?? [])
            ?? Group(tokens, tokenStart, tokenEnd)
            ?? Mentioned(context, tokenStart, tokenEnd)
            ?? Named(tokens, tokenStart, tokenEnd)
            ?? Side(context, tokenStart, tokenEnd, countries);
        if (speakers is [var single])
        {
            Spoke(single, context.Sentence.Index);
        }

        return speakers;
    }

    public void Spoke(Person person, int sentence)
    {
        _history.Remove(person);
        _history.Add(person);
        person.LastMentioned = Math.Max(person.LastMentioned, sentence);
    }

    /// <summary>
    /// "he"/"she" is whoever spoke last, unless the sentence opens with "For his part" (then the other side) or someone else
    /// already spoke earlier in the same sentence ("X invited Y ..., and she accepted": not X). Known gender breaks ties.
    /// </summary>
    private IReadOnlyList<Person>? Pronoun(Token token, int length, bool switchesSpeaker, IReadOnlyList<Person> exclude)
    {
        if (length != 1 || !(token.Is("he") || token.Is("she") || token.Is("il") || token.Is("elle") || token.Is("él") || token.Is("ella")))
        {
            return null;
        }

        var gender = token.Is("he") || token.Is("il") || token.Is("él") ? 'm' : 'f';
        var everyone = Everyone().Where(p => !exclude.Contains(p)).ToList();
        var recent = _history.Where(p => !exclude.Contains(p)).ToList();
        var last = exclude.Count > 0 ? null : LastSpeaker;
        var target = switchesSpeaker || exclude.Count > 0
            ? recent.LastOrDefault(p => p != last) ?? everyone.FirstOrDefault(p => p != last)
            : last ?? everyone.FirstOrDefault();
        if (target is { Gender: { } g } && g != gender)
        {
            target = recent.LastOrDefault(p => p.Gender == gender) ?? everyone.FirstOrDefault(p => p.Gender == gender) ?? target;
        }

        return target is null ? null : [target];
    }

    private IReadOnlyList<Person>? Group(IReadOnlyList<Token> tokens, int start, int end)
    {
        var last = tokens[end - 1];
        if (!_groupHeads.Contains(last.Value) || (end - start == 1 && !(last.Is("they") || last.Is("both") || last.Is("ils") || last.Is("elles") || last.Is("ellos") || last.Is("ambos"))))
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

        var everyone = Everyone();
        return everyone.Count >= 2 ? everyone : null;
    }

    private IReadOnlyList<Person>? Mentioned(SentenceContext context, int start, int end)
    {
        var covered = new bool[end - start];
        var found = new List<Person>();
        foreach (var (mention, person) in registry.MentionsIn(context.Sentence.Index))
        {
            if (mention.TokenStart < start || mention.TokenEnd > end)
            {
                continue;
            }

            var resolved = person ?? (mention.Title is { } title ? registry.ByTitle(title, mention.Country, LastSpeaker, Everyone()) : null);
            if (resolved is null)
            {
                continue;
            }

            resolved.Title ??= mention.Title;

            found.Add(resolved);
            for (var k = mention.TokenStart; k < mention.TokenEnd; k++)
            {
                covered[k - start] = true;
            }
        }

        for (var k = start; k < end; k++)
        {
            if (!covered[k - start] && !_joining.Contains(context.Tokens[k].Value))
            {
                return null;
            }
        }

        return found.Count == 0 ? null : found.Distinct().ToList();
    }

    private IReadOnlyList<Person>? Named(IReadOnlyList<Token> tokens, int start, int end)
    {
        var keys = new List<string>();
        for (var k = start; k < end; k++)
        {
            if (!tokens[k].IsCapitalized)
            {
                return null;
            }

            keys.Add(tokens[k].Value.ToLowerInvariant());
        }

        return registry.ByName(keys) is { } person ? [person] : null;
    }

    private IReadOnlyList<Person>? Side(SentenceContext context, int start, int end, IReadOnlyList<CountryMention> countries)
    {
        var tokens = context.Tokens;
        var k = start;
        if (tokens[k].Value is "the" or "The" or "el" or "El" or "la" or "La" or "le" or "Le" or "l'" or "L'")
        {
            k++;
        }

        // "la parte peruana", "la partie ukrainienne": the side word comes first in Spanish and French.
        if (k < end && _sideWords.Contains(tokens[k].Value) && tokens[k].IsLower)
        {
            k++;
        }

        var country = countries.FirstOrDefault(c => c.TokenStart == k);
        if (country.Code is null)
        {
            return null;
        }

        k = country.TokenEnd;
        if (k < end && tokens[k].IsPossessive)
        {
            k++;
        }

        if (k < end && _sideWords.Contains(tokens[k].Value))
        {
            k++;
        }

        if (k != end)
        {
            return null;
        }

        var person = Everyone().FirstOrDefault(p => p.Country == country.Code);
        return person is null ? null : [person];
    }

    private List<Person> Everyone()
    {
        var everyone = participants().ToList();
        return everyone.Count >= 2 ? everyone : registry.People.ToList();
    }
}
