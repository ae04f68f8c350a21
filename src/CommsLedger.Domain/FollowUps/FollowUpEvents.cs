using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.FollowUps;

/// <summary>Something someone on our side must do. It lives in the stream of its subject: a pledge, or an
/// interaction when it is tied to no pledge. <paramref name="PledgeId"/> is set when the subject is a pledge.</summary>
public sealed record FollowUpScheduled(
    Guid FollowUpId,
    Guid SubjectId,
    Guid? PledgeId,
    string Action,
    string Owner,
    DateOnly Due,
    IReadOnlyList<string> Relationships,
    Classification Classification);

public sealed record FollowUpCompleted(Guid FollowUpId, Guid SubjectId, Guid? PledgeId, string Outcome, DateOnly CompletedOn, IReadOnlyList<string> Relationships);

public sealed record FollowUpCancelled(Guid FollowUpId, Guid SubjectId, Guid? PledgeId, string Reason, IReadOnlyList<string> Relationships);
