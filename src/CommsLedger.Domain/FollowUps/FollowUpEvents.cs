using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.FollowUps;

/// <summary>A follow-up event: it belongs to the vocabulary of both stream types, since a follow-up lives in the
/// stream of its subject.</summary>
public interface IFollowUpEvent : IInteractionEvent, IPledgeEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent
{
    Guid FollowUpId { get; }
    Guid SubjectId { get; }
    Guid? PledgeId { get; }
}

/// <summary>Something someone on our side must do. It lives in the stream of its subject: a pledge, or an
/// interaction when it is tied to no pledge. <paramref name="PledgeId"/> is set when the subject is a pledge.</summary>
[StoredAs("follow_up_scheduled.v1")]
public sealed record FollowUpScheduled(
    Guid FollowUpId,
    Guid SubjectId,
    Guid? PledgeId,
    string Action,
    string Owner,
    DateOnly Due,
    IReadOnlyList<string> Relationships,
    Classification Classification) : IFollowUpEvent, IClassifiedEvent
{
    public Occurrence WhenOccurred() => Occurrence.WhenRecorded;

    public HistoryLine Describe() => new($"follow-up scheduled: {Action} (owner {Owner}, due {DateText.Write(Due)})");
}

[StoredAs("follow_up_completed.v1")]
public sealed record FollowUpCompleted(Guid FollowUpId, Guid SubjectId, Guid? PledgeId, string Outcome, DateOnly CompletedOn, IReadOnlyList<string> Relationships)
    : IFollowUpEvent
{
    public Occurrence WhenOccurred() => Occurrence.On(CompletedOn);

    public HistoryLine Describe() => new($"follow-up completed on {DateText.Write(CompletedOn)}: {Outcome}");
}

[StoredAs("follow_up_cancelled.v1")]
public sealed record FollowUpCancelled(Guid FollowUpId, Guid SubjectId, Guid? PledgeId, string Reason, IReadOnlyList<string> Relationships)
    : IFollowUpEvent
{
    public Occurrence WhenOccurred() => Occurrence.WhenRecorded;

    public HistoryLine Describe() => new($"follow-up cancelled: {Reason}");
}
