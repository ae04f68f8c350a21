using System.Text.RegularExpressions;
using CommsLedger.Ingest.Commitments.Wording;
using CommsLedger.Ingest.Countries;
using CommsLedger.Ingest.Dates;
using CommsLedger.Ingest.Participants;
using CommsLedger.Ingest.Statements;
using CommsLedger.Ingest.Text;
using CommsLedger.Ingest.Topics;

namespace CommsLedger.Ingest.Commitments;

/// <summary>
/// Finds undertakings in what was said: in each clause, the first predicate whose subject is a party (see
/// <see cref="SubjectFinder"/>); if that predicate is a commitment verb, the clause (from its subject, or from its predicate
/// when coordinated) is the commitment text. "agreed to:" followed by a list makes one commitment per item.
/// </summary>
internal static partial class CommitmentExtractor
{
    [GeneratedRegex(@"\b(?:each\s+other|both\s+sides|the\s+two\s+(?:sides|countries|nations)|bilateral|one\s+another|mutu[oa]s?|ambos\s+países|ambas\s+partes|las\s+dos\s+partes|bilaterales|les\s+deux\s+(?:pays|parties)|bilatéra(?:l|le|les|ux)|mutuel(?:le)?s?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Mutual();

    [GeneratedRegex(@"^(?:people|public|economy|citizens|families|workers|taxpayers|pueblo|ciudadanos|economía|familias|peuple|citoyens|économie|familles)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex DomesticObjects();

    [GeneratedRegex(@"\b(?:(?:of|for)\s+(?:the|this|our)\s+country\b|at\s+home\b|domestic\s+(?:agenda|reforms?|priorities)|(?:del|de\s+nuestro)\s+país\b|du\s+pays\b|de\s+notre\s+pays\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex OwnCountry();

    [GeneratedRegex(@"\b(?:believes?|believed|expects?|expected|thinks?|thought|trusts?|trusted|hopes?|hoped|wish(?:es|ed)?|(?:(?:ha|han)\s+)?(?:cree|creen|creía|espera|esperan|esperaba|confía|confían)|croit|croient|pense|pensent|espère|espèrent|souhaite|souhaitent)\s*(?:that|que|qu['’])?\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex ReportsBelief();

    public sealed record Input(SentenceContext Context, IReadOnlyList<CountryMention> Countries, Attribution? Attribution);

    public static IReadOnlyList<DraftCommitment> Extract(IEnumerable<Input> sentences, PartyResolver parties, DateOnly? published, string language)
    {
        var wording = CommitmentWording.For(language);
        var found = new List<DraftCommitment>();
        foreach (var input in sentences.Where(s => !s.Context.Sentence.IsHeadline))
        {
            foreach (var commitment in InSentence(input, parties, wording, published))
            {
                if (!found.Any(f => f.By == commitment.By && f.To == commitment.To && f.Text == commitment.Text))
                {
                    found.Add(commitment);
                }
            }
        }

        return found;
    }

    private static IEnumerable<DraftCommitment> InSentence(Input input, PartyResolver parties, CommitmentWording wording, DateOnly? published)
    {
        var text = input.Context.Sentence.Text;
        var speakers = input.Attribution?.Speakers ?? [];
        if (input.Attribution is { SpeakerIsSubject: false } reported && ReportsBelief().IsMatch(text[..reported.ContentStart]))
        {
            // "Shikongo believes that Germany will win the bid": a forecast or a hope about someone, not their undertaking.
            yield break;
        }

        // A narrator's sentence is read whole: "Germany will fund …, and both ministers agreed to …" has two subjects.
        var contentStart = input.Attribution is { SpeakerIsSubject: false } ? input.Attribution.ContentStart : 0;
        var contentEnd = input.Attribution?.ContentEnd ?? text.Length;
        var subjects = new SubjectFinder(input, parties, wording, speakers);
        IReadOnlyList<string>? subject = null;
        (IReadOnlyList<string> By, Trigger Trigger)? listLead = null;
        foreach (var clause in ClauseSplitter.Split(text, contentStart, contentEnd, wording))
        {
            if (clause.ListItem && listLead is { } lead)
            {
                foreach (var commitment in Build(input, clause, lead.By, clause.Start, lead.Trigger with { Start = clause.Start, Length = 0 }, contentStart, contentEnd, parties, published))
                {
                    yield return commitment;
                }

                continue;
            }

            var (by, textStart, trigger) = clause.Coordinated
                ? (subjects.Coordinated(subject, clause), clause.Start, CommitmentTriggers.At(text, clause.Start, clause.End, wording))
                : subjects.Find(clause);
            if (clause.Coordinated && trigger is null && subjects.Find(clause) is { By: not null, Trigger: not null } ownClause)
            {
                // "… y afirmó que Uruguay está dispuesto a …": the coordinated verb reports a clause of its own.
                (by, textStart, trigger) = ownClause;
            }

            if (by is null && input.Attribution is { SpeakerIsSubject: true } narrated && clause.Start <= narrated.ContentStart && narrated.ContentStart < clause.End)
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

            if (string.IsNullOrWhiteSpace(text[(trigger.Start + trigger.Length)..clause.End].Trim(':', ' ')))
            {
                // "… met in New York and agreed to:" — the undertakings are the lines that follow.
                listLead = (by, trigger);
                continue;
            }

            foreach (var commitment in Build(input, clause, by, textStart, trigger, contentStart, contentEnd, parties, published))
            {
                yield return commitment;
            }
        }
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

        var recipients = Recipients(input, by[0], trigger, clause, contentStart, contentEnd, parties);
        if (recipients is [null] && IsDomestic(input, by[0], textStart, clause.End))
        {
            yield break;
        }

        foreach (var to in recipients)
        {
            yield return new DraftCommitment(by[0], to, clauseText, trigger.Kind, due, topic, cameo);
        }
    }

    /// <summary>
    /// A leader's promise to their own country ("committed to fixing the foundations of the country … for the British people")
    /// is domestic policy, not an undertaking between the parties: no other party named, and the country or its own people as the object.
    /// </summary>
    private static bool IsDomestic(Input input, string by, int charStart, int charEnd)
    {
        var tokens = input.Context.Tokens;
        var inClause = input.Countries.Where(m => tokens[m.TokenStart].Start >= charStart && tokens[m.TokenEnd - 1].End <= charEnd).ToList();
        if (inClause.Any(m => m.Code != by))
        {
            return false;
        }

        var ownPeople = inClause.Any(m => m.Kind == MentionKind.Demonym && m.TokenEnd < tokens.Count && DomesticObjects().IsMatch(tokens[m.TokenEnd].Value));
        return ownPeople || OwnCountry().IsMatch(input.Context.Sentence.Text[charStart..charEnd]);
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
            .Where(m => m.Code.Length == 2 || parties.ParticipantCountries.Contains(m.Code))
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
