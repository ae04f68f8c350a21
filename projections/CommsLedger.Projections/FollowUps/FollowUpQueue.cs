using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Shared;
using Marten.Events.Projections;

namespace CommsLedger.Projections.FollowUps;

/// <summary>One follow-up, whether on a pledge or on an interaction, queryable by status and due date.</summary>
public sealed class FollowUpItem
{
    public Guid Id { get; set; }
    public Guid SubjectId { get; set; }
    public Guid? PledgeId { get; set; }
    public string Action { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly Due { get; set; }
    public FollowUpStatus Status { get; set; }
    public string? Outcome { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public List<string> Relationships { get; set; } = [];
    public Classification Classification { get; set; }
}

public sealed partial class FollowUpQueueProjection : MultiStreamProjection<FollowUpItem, Guid>
{
    public FollowUpQueueProjection()
    {
        Identity<FollowUpScheduled>(e => e.FollowUpId);
        Identity<FollowUpCompleted>(e => e.FollowUpId);
        Identity<FollowUpCancelled>(e => e.FollowUpId);
    }

    public static FollowUpItem Create(FollowUpScheduled e) => new()
    {
        Id = e.FollowUpId,
        SubjectId = e.SubjectId,
        PledgeId = e.PledgeId,
        Action = e.Action,
        Owner = e.Owner,
        Due = e.Due,
        Status = FollowUpStatus.Open,
        Relationships = [.. e.Relationships],
        Classification = e.Classification,
    };

    public static void Apply(FollowUpCompleted e, FollowUpItem item)
    {
        item.Status = FollowUpStatus.Completed;
        item.Outcome = e.Outcome;
        item.CompletedOn = e.CompletedOn;
    }

    public static void Apply(FollowUpCancelled e, FollowUpItem item)
    {
        item.Status = FollowUpStatus.Cancelled;
        item.Outcome = e.Reason;
    }
}
