using System.Text.RegularExpressions;
using CommsLedger.Ingest.Commitments.Wording;
using CommsLedger.Ingest.Participants;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Commitments;

/// <summary>
/// The subject of a clause and the verb that follows it: the first predicate whose subject (after the last comma or "that"
/// before it; before the comma when the subject is set off by one) is a party. A reporting predicate ("set out that",
/// "shared the view that", "a souligné que") hands over to the clause it reports; an impersonal subject about both sides
/// ("bilateral exchanges will be pursued") is then the reporters'. Where the language drops subjects ("También destacaron
/// …"), a plural verb opening the clause is the participants together, a singular one the speaker.
/// </summary>
internal sealed partial class SubjectFinder(CommitmentExtractor.Input input, PartyResolver parties, CommitmentWording wording, IReadOnlyList<Person> speakers)
{
    /// <summary>A predicate that states what follows "that", not a wish or a belief.</summary>
    [GeneratedRegex(@"\G(?:(?:\w+ly|also|further|again|both|all|a|ont|ha|han|(?:has|have|had|it)\s+been|également|aussi|(?i:también))\s+)*(?:set\s+out|made\s+(?:it\s+)?clear|(?:was|were)\s+(?:\w+\s+)?clear|shared\s+the\s+(?:\w+\s+)?(?:view|understanding|recognition|assessment)|(?:was|were)\s+of\s+the\s+(?:\w+\s+)?view|(?:stress|underlin|underscor|emphasi[sz]|confirm|not|stat|said|reiterat|reaffirm|affirm|assur|indicat|explain|add|recall|declar|announc|point\w*\s+out)\w*|(?:afirm|reiter|asegur|señal|indic|subray|destac|confirm|declar|record|expres|manifest|anunci|dijo|dijeron|dicho)\w*|(?:affirm|réaffirm|réitér|assur|indiqu|soulign|confirm|déclar|rappel|précis|annonc|dit)\w*)\s+(?:that|que|qu['’])\s*",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex ReportedClause();

    [GeneratedRegex(@"\G(?:(?:\w+ly|also|further|still|(?i:también|además|aussi|également))\s+)*(?:wish|hope|believe|expect|think|trust|want|fear|doubt|dese|esper|cre[eí]|confí|souhait|esp[eè]r|croi|pens)\w*\s+(?:(?:firmly|strongly|fermement|firmemente)\s+)?(?:that|que|qu['’])\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex WishedClause();

    [GeneratedRegex(@"\G(?:(?:was|were|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:agreed|decided)\s+(?:to|that|on|upon)\b|(?i:se)\s+(?:(?:ha|había)\s+)?(?:acord(?:ó|ado)|convino|convenido|decidi(?:ó|do)|resolvi(?:ó|do))\b|a\s+été\s+(?:\w+ment\s+)?(?:convenu|décidé|arrêté)\s+(?:de|d['’]|que|qu['’]))", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex ImpersonalAgreement();

    [GeneratedRegex(@"\b(?:that|que|qu['’])\s*", RegexOptions.CultureInvariant | RegexOptions.RightToLeft, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex ThatBefore();

    [GeneratedRegex(@"\b(?:bilateral|mutual|joint|both|two\s+countries|bilaterales?|mutu[oa]s?|conjunt[oa]s?|ambos|bilatéra(?:l|le|les|ux)|mutuel(?:le)?s?|conjoint(?:e|s|es)?|deux\s+pays)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex SharedActivity();

    /// <summary>Prepositions that open a sentence before its subject ("En esa cita,", "Lors de cet entretien,").</summary>
    private static readonly HashSet<string> _openers = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "during", "at", "after", "on", "en", "durante", "tras", "después", "al", "a", "con", "por", "lors", "au", "pendant", "après", "dans", "à",
    };

    private string Text => input.Context.Sentence.Text;

    public (IReadOnlyList<string>? By, int TextStart, Trigger? Trigger) Find(Clause clause)
    {
        var from = clause.Start;
        IReadOnlyList<string>? reporters = null;
        foreach (Match predicate in wording.Predicate.Matches(Text[..clause.End], clause.Start))
        {
            if (predicate.Index < from)
            {
                continue;
            }

            var (by, start) = Subject(from, predicate, reporters);
            if (Impersonal(from, predicate) is { } agreed)
            {
                return agreed;
            }

            var trigger = by is null ? null : CommitmentTriggers.At(Text, predicate.Index, clause.End, wording);
            if (trigger is null && ReportedClause().Match(Text[..clause.End], predicate.Index) is { Success: true } reported)
            {
                from = reported.Index + reported.Length;
                reporters = by;
                continue;
            }

            if (trigger is null && WishedClause().IsMatch(Text[..clause.End], predicate.Index))
            {
                // "He wishes that Xi will make new achievements": a wish or a belief about someone else binds no one.
                return (null, clause.Start, null);
            }

            if (by is null)
            {
                continue;
            }

            return (by, start, trigger);
        }

        return (null, clause.Start, null);
    }

    /// <summary>
    /// A coordinated predicate shares the subject before it, except that a plural verb after one party ("Vizcarra dialogó con
    /// Duque … y acordaron …", "a reçu son homologue et ils ont convenu …") is the participants together.
    /// </summary>
    public IReadOnlyList<string>? Coordinated(IReadOnlyList<string>? subject, Clause clause)
    {
        if (subject is not { Count: 1 } || wording.PluralVerb is not { } plural || wording.Predicate.Match(Text[..clause.End], clause.Start) is not { Success: true } verb || verb.Index != clause.Start)
        {
            return subject;
        }

        return plural(verb.Value) && parties.ParticipantCountries.Count >= 2 ? parties.ParticipantCountries : subject;
    }

    /// <summary>"It was agreed to …", "Se acordó …", "Il a été convenu de …": an agreement of all the participants.</summary>
    private (IReadOnlyList<string>? By, int TextStart, Trigger? Trigger)? Impersonal(int from, Match predicate)
    {
        var before = Text[SubjectStart(from, predicate.Index)..predicate.Index].Trim();
        if (before is not ("" or "It" or "it" or "Il" or "il") || parties.ParticipantCountries.Count < 2
            || ImpersonalAgreement().Match(Text, predicate.Index) is not { Success: true } agreed || agreed.Index != predicate.Index)
        {
            return null;
        }

        var start = before.Length > 0 ? Text.LastIndexOf(before, predicate.Index, StringComparison.Ordinal) : predicate.Index;
        return (parties.ParticipantCountries, start, new Trigger(CommitmentKinds.Agreement, predicate.Index, agreed.Length, null, -1, false));
    }

    /// <summary>The party before the predicate and where the commitment text starts, or null.</summary>
    private (IReadOnlyList<string>? By, int Start) Subject(int from, Match predicate, IReadOnlyList<string>? reporters)
    {
        var tokens = input.Context.Tokens;
        var subjectStart = SubjectStart(from, predicate.Index);
        var (start, end) = Tokenizer.Range(tokens, subjectStart, predicate.Index);
        start = PartyResolver.SkipLeading(tokens, start, end);
        if (start >= end && subjectStart > from)
        {
            // "el jefe de Estado y el mandatario electo de Colombia, acordaron …": the subject sits before the comma;
            // "En esa cita, acordaron …": an opening phrase, no subject.
            (start, end) = Tokenizer.Range(tokens, SubjectStart(from, subjectStart - 1), subjectStart - 1);
            start = PartyResolver.SkipLeading(tokens, start, end);
            if (start < end && _openers.Contains(tokens[start].Value))
            {
                return (Implied(predicate.Value), predicate.Index);
            }
        }

        if (start >= end)
        {
            return (Implied(predicate.Value), predicate.Index);
        }

        var by = parties.Resolve(input.Context, start, end, input.Countries, speakers);
        while (by is not null && subjectStart > from && Text[subjectStart - 1] == ',')
        {
            // "Foreign Ministers of Poland, Ukraine and the United Kingdom met …": the list goes on before the comma.
            var longerStart = SubjectStart(from, subjectStart - 1);
            var (longer, _) = Tokenizer.Range(tokens, longerStart, predicate.Index);
            longer = PartyResolver.SkipLeading(tokens, longer, end);
            if (parties.Resolve(input.Context, longer, end, input.Countries, speakers) is not { } wider || wider.Count <= by.Count || !by.All(wider.Contains))
            {
                break;
            }

            (by, start, subjectStart) = (wider, longer, longerStart);
        }

        if (by is null && reporters is { Count: > 1 } && SharedActivity().IsMatch(Text[from..predicate.Index]))
        {
            by = reporters;
        }

        return (by, tokens[start].Start);
    }

    private int SubjectStart(int from, int predicate)
    {
        var comma = Text.LastIndexOf(',', Math.Max(from, predicate - 1), Math.Max(0, predicate - from));
        var that = ThatBefore().Match(Text[from..predicate]);
        return Math.Max(from, Math.Max(comma + 1, that.Success ? from + that.Index + that.Length : 0));
    }

    /// <summary>A subject the verb carries: plural → the participants together, singular → the speaker.</summary>
    private IReadOnlyList<string>? Implied(string verb)
    {
        if (wording.PluralVerb is not { } plural)
        {
            return null;
        }

        if (plural(verb))
        {
            return parties.ParticipantCountries.Count >= 2 ? parties.ParticipantCountries : null;
        }

        var speaker = speakers.Select(p => p.Country).OfType<string>().Distinct().ToList();
        return speaker.Count == 1 ? speaker : null;
    }
}
