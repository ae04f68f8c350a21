using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Pledges;

public enum CommitmentKind
{
    Pledge,
    Intent,
    Offer,
    Request,
    Agreement,
}

public enum PledgeStatus
{
    Open,
    Fulfilled,
    PartiallyFulfilled,
    Broken,
    Withdrawn,
    Lapsed,
    Retracted,
}

/// <summary>The vocabulary of a pledge stream: every event that may be appended to one.</summary>
public interface IPledgeEvent;

/// <summary>The first event of a pledge stream, appended in the same transaction as the interaction's
/// <c>CommitmentRecorded</c>. <paramref name="Relationships"/> are the pairs this pledge counts towards.
/// Every later pledge event repeats them so that per-relationship read models need no look-ups.</summary>
[StoredAs("pledge_made.v1")]
public sealed record PledgeMade(
    Guid PledgeId,
    Guid InteractionId,
    string By,
    string? To,
    CommitmentKind Kind,
    string Text,
    string Topic,
    DateOnly? Due,
    DateOnly MadeOn,
    IReadOnlyList<string> Relationships,
    Classification Classification,
    IReadOnlyList<string> CameoCodes) : IPledgeEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent, IClassifiedEvent
{
    public Occurrence WhenOccurred() => Occurrence.StartsEntryOn(MadeOn);

    public HistoryLine Describe() => new($"{Kind.ToString().ToLowerInvariant()} by {By}{Wording.To(To)}: {Text}{Wording.Due(Due)}");
}

[StoredAs("pledge_progress_noted.v1")]
public sealed record PledgeProgressNoted(Guid PledgeId, string Note, DateOnly AsOf, IReadOnlyList<string> Relationships)
    : IPledgeEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent
{
    public Occurrence WhenOccurred() => Occurrence.On(AsOf);

    public HistoryLine Describe() => new($"progress: {Note}");
}

/// <summary>One status change. Each outcome has its own event so the stream reads as what happened; all five
/// occurred on their own date and are worded alike.</summary>
public interface IPledgeOutcome : IPledgeEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent
{
    Guid PledgeId { get; }
    DateOnly On { get; }
    string Note { get; }
    PledgeStatus Status { get; }

    Occurrence IDatedEvent.WhenOccurred() => Occurrence.On(On);

    HistoryLine IDescribedEvent.Describe() =>
        new($"pledge {PledgeDecisions.Describe(Status)} on {DateText.Write(On)}{(Note.Length > 0 ? ": " + Note : "")}");
}

[StoredAs("pledge_fulfilled.v1")]
public sealed record PledgeFulfilled(Guid PledgeId, DateOnly On, string Note, IReadOnlyList<string> Relationships) : IPledgeOutcome
{
    public PledgeStatus Status => PledgeStatus.Fulfilled;
}

[StoredAs("pledge_partially_fulfilled.v1")]
public sealed record PledgePartiallyFulfilled(Guid PledgeId, DateOnly On, string Note, IReadOnlyList<string> Relationships) : IPledgeOutcome
{
    public PledgeStatus Status => PledgeStatus.PartiallyFulfilled;
}

[StoredAs("pledge_broken.v1")]
public sealed record PledgeBroken(Guid PledgeId, DateOnly On, string Note, IReadOnlyList<string> Relationships) : IPledgeOutcome
{
    public PledgeStatus Status => PledgeStatus.Broken;
}

[StoredAs("pledge_withdrawn.v1")]
public sealed record PledgeWithdrawn(Guid PledgeId, DateOnly On, string Note, IReadOnlyList<string> Relationships) : IPledgeOutcome
{
    public PledgeStatus Status => PledgeStatus.Withdrawn;
}

[StoredAs("pledge_lapsed.v1")]
public sealed record PledgeLapsed(Guid PledgeId, DateOnly On, string Note, IReadOnlyList<string> Relationships) : IPledgeOutcome
{
    public PledgeStatus Status => PledgeStatus.Lapsed;
}

/// <summary>A reviewer's score on the G7 Research Group scale: +1 full, 0 partial, −1 none.</summary>
[StoredAs("compliance_assessed.v1")]
public sealed record ComplianceAssessed(
    Guid PledgeId,
    Guid AssessmentId,
    int Score,
    string Rationale,
    string? Evidence,
    DateOnly AssessedOn,
    IReadOnlyList<string> Relationships) : IPledgeEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent
{
    public Occurrence WhenOccurred() => Occurrence.On(AssessedOn);

    public HistoryLine Describe() => new($"compliance assessed {Score:+0;-0;0} ({(Score + 1) * 50}%): {Rationale}");
}

/// <summary>A field of the commitment was recorded wrong; <paramref name="Was"/> is what it replaces.</summary>
[StoredAs("pledge_corrected.v1")]
public sealed record PledgeCorrected(Guid PledgeId, string Field, string Was, string Now, string Reason, IReadOnlyList<string> Relationships)
    : IPledgeEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent
{
    public Occurrence WhenOccurred() => Occurrence.WithItsEntry;

    public HistoryLine Describe() => new($"pledge {Field} corrected to '{Now}' ({Reason})", $"{Field} was '{Was}'");

    /// <summary>What the correction changes, typed (<see cref="PledgeCorrections"/>).</summary>
    public PledgePatch Patch() => PledgeCorrections.Read(Field, Now);
}

/// <summary>The commitment was recorded in error (as opposed to withdrawn by the party in the world).</summary>
[StoredAs("pledge_retracted.v1")]
public sealed record PledgeRetracted(Guid PledgeId, string Reason, IReadOnlyList<string> Relationships)
    : IPledgeEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent
{
    public Occurrence WhenOccurred() => Occurrence.WithItsEntry;

    public HistoryLine Describe() => new($"pledge retracted ({Reason})", $"pledge {PledgeId}");
}

/// <summary>A later interaction restated the commitment ("both sides reaffirmed their commitment to…"); its
/// <c>CommitmentRecorded</c> names this pledge instead of starting a new one. <paramref name="Classification"/> is
/// that of the reaffirming interaction's commitment, never below the pledge's: a secret meeting's reaffirmation of a
/// public pledge stays secret.</summary>
[StoredAs("pledge_reaffirmed.v1")]
public sealed record PledgeReaffirmed(
    Guid PledgeId,
    Guid InteractionId,
    string By,
    string? To,
    string Text,
    DateOnly ReaffirmedOn,
    IReadOnlyList<string> Relationships,
    Classification Classification) : IPledgeEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent, IClassifiedEvent
{
    public Occurrence WhenOccurred() => Occurrence.On(ReaffirmedOn);

    public HistoryLine Describe() => new($"pledge reaffirmed by {By}{Wording.To(To)} on {DateText.Write(ReaffirmedOn)} in interaction {InteractionId}: {Text}");
}
