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

/// <summary>The first event of a pledge stream, appended in the same transaction as the interaction's
/// <c>CommitmentRecorded</c>. <paramref name="Relationships"/> are the pairs this pledge counts towards.
/// Every later pledge event repeats them so that per-relationship read models need no look-ups.</summary>
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
    IReadOnlyList<string> CameoCodes);

public sealed record PledgeProgressNoted(Guid PledgeId, string Note, DateOnly AsOf, IReadOnlyList<string> Relationships);

/// <summary>One status change. Each outcome has its own event so the stream reads as what happened.</summary>
public interface IPledgeOutcome
{
    Guid PledgeId { get; }
    DateOnly On { get; }
    string Note { get; }
    IReadOnlyList<string> Relationships { get; }
    PledgeStatus Status { get; }
}

public sealed record PledgeFulfilled(Guid PledgeId, DateOnly On, string Note, IReadOnlyList<string> Relationships) : IPledgeOutcome
{
    public PledgeStatus Status => PledgeStatus.Fulfilled;
}

public sealed record PledgePartiallyFulfilled(Guid PledgeId, DateOnly On, string Note, IReadOnlyList<string> Relationships) : IPledgeOutcome
{
    public PledgeStatus Status => PledgeStatus.PartiallyFulfilled;
}

public sealed record PledgeBroken(Guid PledgeId, DateOnly On, string Note, IReadOnlyList<string> Relationships) : IPledgeOutcome
{
    public PledgeStatus Status => PledgeStatus.Broken;
}

public sealed record PledgeWithdrawn(Guid PledgeId, DateOnly On, string Note, IReadOnlyList<string> Relationships) : IPledgeOutcome
{
    public PledgeStatus Status => PledgeStatus.Withdrawn;
}

public sealed record PledgeLapsed(Guid PledgeId, DateOnly On, string Note, IReadOnlyList<string> Relationships) : IPledgeOutcome
{
    public PledgeStatus Status => PledgeStatus.Lapsed;
}

/// <summary>A reviewer's score on the G7 Research Group scale: +1 full, 0 partial, −1 none.</summary>
public sealed record ComplianceAssessed(
    Guid PledgeId,
    Guid AssessmentId,
    int Score,
    string Rationale,
    string? Evidence,
    DateOnly AssessedOn,
    IReadOnlyList<string> Relationships);

/// <summary>A field of the commitment was recorded wrong; <paramref name="Was"/> is what it replaces.</summary>
public sealed record PledgeCorrected(Guid PledgeId, string Field, string Was, string Now, string Reason, IReadOnlyList<string> Relationships);

/// <summary>The commitment was recorded in error (as opposed to withdrawn by the party in the world).</summary>
public sealed record PledgeRetracted(Guid PledgeId, string Reason, IReadOnlyList<string> Relationships);
