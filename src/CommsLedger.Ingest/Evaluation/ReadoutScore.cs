namespace CommsLedger.Ingest.Evaluation;

/// <summary>One readout's draft against its gold entry.</summary>
public sealed record ReadoutScore(
    string Name,
    string Language,
    string? DraftedLanguage,
    Counts Commitments,
    Counts Countries,
    bool RelationshipExact,
    bool ChannelRight,
    bool DateRight,
    Agreement Kind,
    Agreement To,
    Agreement Due,
    IReadOnlyList<DraftCommitment> Unmatched,
    IReadOnlyList<GoldCommitment> Missed)
{
    public static ReadoutScore Of(string name, ReadoutDraft draft, GoldEntry gold)
    {
        var participants = draft.Participants.Select(p => p.Country).OfType<string>().Distinct().ToList();
        var pairs = CommitmentMatcher.Match(draft.Commitments, gold.Commitments, participants);
        var drafted = participants.ToHashSet(StringComparer.Ordinal);
        var expected = gold.ParticipantCountries.ToHashSet(StringComparer.Ordinal);
        return new ReadoutScore(
            name,
            gold.Language,
            draft.Language,
            new Counts(pairs.Count, draft.Commitments.Count, gold.Commitments.Count),
            new Counts(drafted.Count(expected.Contains), drafted.Count, expected.Count),
            draft.Relationship.SequenceEqual(gold.Relationship.Order(StringComparer.Ordinal)),
            draft.Channel == gold.Channel,
            draft.DateOfInteraction == gold.DateOfInteraction,
            pairs.Select(p => Agreement.Of(p.Drafted.Kind == p.Gold.Kind)).Aggregate(default(Agreement), (a, b) => a + b),
            pairs.Select(p => Agreement.Of(p.Drafted.To == p.Gold.To)).Aggregate(default(Agreement), (a, b) => a + b),
            pairs.Select(p => Agreement.Of(p.Drafted.Due == p.Gold.Due)).Aggregate(default(Agreement), (a, b) => a + b),
            draft.Commitments.Where(c => !pairs.Any(p => ReferenceEquals(p.Drafted, c))).ToList(),
            gold.Commitments.Where(c => !pairs.Any(p => ReferenceEquals(p.Gold, c))).ToList());
    }
}

/// <summary>The scores of a set of readouts summed (micro-averaged) for one language or for all.</summary>
public sealed record ScoreTotals(string Language, int Readouts, Counts Commitments, Counts Countries, Agreement Relationship, Agreement Channel, Agreement Date, Agreement Kind, Agreement To, Agreement Due)
{
    public static ScoreTotals Of(string language, IReadOnlyCollection<ReadoutScore> scores) => new(
        language,
        scores.Count,
        scores.Aggregate(default(Counts), (a, s) => a + s.Commitments),
        scores.Aggregate(default(Counts), (a, s) => a + s.Countries),
        scores.Aggregate(default(Agreement), (a, s) => a + Agreement.Of(s.RelationshipExact)),
        scores.Aggregate(default(Agreement), (a, s) => a + Agreement.Of(s.ChannelRight)),
        scores.Aggregate(default(Agreement), (a, s) => a + Agreement.Of(s.DateRight)),
        scores.Aggregate(default(Agreement), (a, s) => a + s.Kind),
        scores.Aggregate(default(Agreement), (a, s) => a + s.To),
        scores.Aggregate(default(Agreement), (a, s) => a + s.Due));
}
