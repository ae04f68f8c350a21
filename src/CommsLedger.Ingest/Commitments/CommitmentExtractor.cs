using System.Text.RegularExpressions;
using CommsLedger.Ingest.Countries;
using CommsLedger.Ingest.Dates;
using CommsLedger.Ingest.Participants;
using CommsLedger.Ingest.Statements;
using CommsLedger.Ingest.Text;
using CommsLedger.Ingest.Topics;

namespace CommsLedger.Ingest.Commitments;

/// <summary>
/// Finds undertakings in what was said: in each clause, the first predicate whose subject is a party; if that predicate is a
/// commitment verb, the clause (from its subject, or from its predicate when coordinated) is the commitment text.
/// </summary>
internal static partial class CommitmentExtractor
{
    [GeneratedRegex(@"\b(?:" + ClauseSplitter.PredicateStarters + @")\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex PredicateStart();

    [GeneratedRegex(@"\b(?:each\s+other|both\s+sides|the\s+two\s+(?:sides|countries|nations)|bilateral|one\s+another)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Mutual();

    /// <summary>A predicate that states what follows "that" ("set out that", "shared the view that", "a souligné que"), not a wish or a belief.</summary>
    [GeneratedRegex(@"\G(?:(?:\w+ly|also|further|again|both|all|a|ont|ha|han|également|aussi|también)\s+)*(?:set\s+out|made\s+(?:it\s+)?clear|(?:was|were)\s+(?:\w+\s+)?clear|shared\s+the\s+(?:\w+\s+)?(?:view|understanding|recognition|assessment)|(?:was|were)\s+of\s+the\s+(?:\w+\s+)?view|(?:stress|underlin|underscor|emphasi[sz]|confirm|not|stat|said|reiterat|reaffirm|affirm|assur|indicat|explain|add|recall|declar|point\w*\s+out)\w*|(?:afirm|reiter|asegur|señal|indic|subray|destac|confirm|declar|record|expres|manifest|dijo|dijeron)\w*|(?:affirm|réaffirm|réitér|assur|indiqu|soulign|confirm|déclar|rappel|précis|dit)\w*)\s+(?:that|que|qu['’])\s*",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex ReportedClause();

    [GeneratedRegex(@"\b(?:that|que|qu['’])\s*", RegexOptions.CultureInvariant | RegexOptions.RightToLeft, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex ThatBefore();

    public sealed record Input(SentenceContext Context, IReadOnlyList<CountryMention> Countries, Attribution? Attribution);

    public static IReadOnlyList<DraftCommitment> Extract(IEnumerable<Input> sentences, PartyResolver parties, DateOnly? published)
    {
        var found = new List<DraftCommitment>();
        foreach (var input in sentences.Where(s => !s.Context.Sentence.IsHeadline))
        {
            foreach (var commitment in InSentence(input, parties, published))
            {
                if (!found.Any(f => f.By == commitment.By && f.To == commitment.To && f.Text == commitment.Text))
                {
                    found.Add(commitment);
                }
            }
        }

        return found;
    }

    private static IEnumerable<DraftCommitment> InSentence(Input input, PartyResolver parties, DateOnly? published)
    {
        var text = input.Context.Sentence.Text;
        var speakers = input.Attribution?.Speakers ?? [];
        var contentStart = input.Attribution?.ContentStart ?? 0;
        var contentEnd = input.Attribution?.ContentEnd ?? text.Length;
        IReadOnlyList<string>? subject = null;
        foreach (var clause in ClauseSplitter.Split(text, contentStart, contentEnd))
        {
            var (by, textStart, trigger) = clause.Coordinated
                ? (subject, clause.Start, CommitmentTriggers.At(text, clause.Start, clause.End))
                : FindSubjectAndTrigger(input, clause, speakers, parties);
            if (by is null && clause.Start == contentStart && input.Attribution is { SpeakerIsSubject: true })
            {
                by = speakers.Select(p => p.Country).OfType<string>().Distinct().ToList();
            }
            if (!clause.Coordinated)
            {
                subject = by;
            }

            if (by is null || trigger is null)
            {
                continue;
            }

            foreach (var commitment in Build(input, clause, by, textStart, trigger, contentStart, contentEnd, parties, published))
            {
                yield return commitment;
            }
        }
    }

    /// <summary>
    /// The first predicate whose subject (after the last comma or "that" before it) is a party. A reporting predicate
    /// ("set out that", "shared the view that") hands over to the clause it reports.
    /// </summary>
    private static (IReadOnlyList<string>? By, int TextStart, Trigger? Trigger) FindSubjectAndTrigger(Input input, Clause clause, IReadOnlyList<Person> speakers, PartyResolver parties)
    {
        var text = input.Context.Sentence.Text;
        var from = clause.Start;
        foreach (Match predicate in PredicateStart().Matches(text[..clause.End], clause.Start))
        {
            if (predicate.Index < from)
            {
                continue;
            }

            var subjectStart = Math.Max(from, SubjectStart(text, from, predicate.Index));
            var (start, end) = Tokenizer.Range(input.Context.Tokens, subjectStart, predicate.Index);
            start = PartyResolver.SkipLeading(input.Context.Tokens, start, end);
            if (start >= end)
            {
                continue;
            }

            var by = parties.Resolve(input.Context, start, end, input.Countries, speakers);
            if (by is null)
            {
                continue;
            }

            var trigger = CommitmentTriggers.At(text, predicate.Index, clause.End);
            if (trigger is null && ReportedClause().Match(text[..clause.End], predicate.Index) is { Success: true } reported)
            {
                from = reported.Index + reported.Length;
                continue;
            }

            return (by, input.Context.Tokens[start].Start, trigger);
        }

        return (null, clause.Start, null);
    }

    private static int SubjectStart(string text, int from, int predicate)
    {
        var comma = text.LastIndexOf(',', Math.Max(from, predicate - 1), predicate - from);
        var that = ThatBefore().Match(text[from..predicate]);
        return Math.Max(comma + 1, that.Success ? from + that.Index + that.Length : 0);
    }

    private static IEnumerable<DraftCommitment> Build(Input input, Clause clause, IReadOnlyList<string> by, int textStart, Trigger trigger, int contentStart, int contentEnd, PartyResolver parties, DateOnly? published)
    {
        var sentence = input.Context.Sentence.Text;
        var clauseText = Trim(sentence[textStart..clause.End]);
        var due = TimeExpressions.Find(clauseText, published, TimeDirection.Future).FirstOrDefault(t => t.IsResolved)?.Deadline;
        var topic = TopicClassifier.Shared.Primary(clauseText);
        var cameo = Cameo.ForCommitment(trigger.Kind, clauseText, sentence);
        if (by.Count > 1)
        {
            // Made together ("the leaders agreed to ..."): one commitment by all of them, to no one in particular.
            yield return new DraftCommitment(JointParties.Join(by), null, clauseText, trigger.Kind, due, topic, cameo);
            yield break;
        }

        foreach (var to in Recipients(input, by[0], trigger, clause, contentStart, contentEnd, parties))
        {
            yield return new DraftCommitment(by[0], to, clauseText, trigger.Kind, due, topic, cameo);
        }
    }

    /// <summary>
    /// The other party named in the object ("urged Belgrade to"), else the parties the clause names (one commitment each),
    /// else "each other" / "the two sides" (the other of a pair), else a participant named elsewhere in what was said;
    /// null when the undertaking is general.
    /// </summary>
    private static IReadOnlyList<string?> Recipients(Input input, string by, Trigger trigger, Clause clause, int contentStart, int contentEnd, PartyResolver parties)
    {
        var participants = parties.ParticipantCountries;
        if (trigger.Object is not null && Named(input, by, trigger.ObjectStart, trigger.ObjectStart + trigger.Object.Length, parties) is [var inObject, ..])
        {
            return [inObject];
        }

        var text = input.Context.Sentence.Text;
        var inClause = Named(input, by, trigger.Start, clause.End, parties);
        var participantsInClause = inClause.Where(participants.Contains).ToList();
        if (participantsInClause.Count > 0)
        {
            return participantsInClause.Cast<string?>().ToList();
        }

        if (inClause.Count > 0)
        {
            return [inClause[0]];
        }

        if (Mutual().IsMatch(text[trigger.Start..clause.End]) || Mutual().IsMatch(text[contentStart..contentEnd]))
        {
            return [OtherOfPair(participants, by)];
        }

        return [Named(input, by, contentStart, contentEnd, parties, withPeople: false).FirstOrDefault(participants.Contains)];
    }

    /// <summary>Parties other than <paramref name="by"/> named in [charStart, charEnd): countries, then participants by name.</summary>
    private static List<string> Named(Input input, string by, int charStart, int charEnd, PartyResolver parties, bool withPeople = true)
    {
        var tokens = input.Context.Tokens;
        var codes = input.Countries
            .Where(m => tokens[m.TokenStart].Start >= charStart && tokens[m.TokenEnd - 1].End <= charEnd && m.Code != by)
            .Select(m => m.Code)
            .ToList();
        if (withPeople)
        {
            codes.AddRange(parties.PeopleNamedIn(input.Context, charStart, charEnd).Select(p => p.Country).OfType<string>().Where(c => c != by));
        }

        return codes.Distinct().ToList();
    }

    private static string? OtherOfPair(IReadOnlyList<string> participants, string by) =>
        participants.Count == 2 ? participants.First(p => p != by) : null;

    private static string Trim(string clause) => clause.Trim().TrimEnd('.', ',', ';', ':', '"', '”', '’', ' ').Trim();
}
