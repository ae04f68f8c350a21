using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Shared;
using JasperFx.Events;
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

/// <summary>One document per follow-up, whichever stream holds it. Live, rebuild and time-travel replays all run this
/// <see cref="Evolve"/>.</summary>
public sealed partial class FollowUpQueueProjection : MultiStreamProjection<FollowUpItem, Guid>
{
    public FollowUpQueueProjection()
    {
        Identity<IFollowUpEvent>(e => e.FollowUpId);
        foreach (var type in EventCatalogue.Of<IFollowUpEvent>())
        {
            IncludeType(type);
        }
    }

    public override FollowUpItem? Evolve(FollowUpItem? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case FollowUpScheduled x: return Start(x);
            case FollowUpCompleted x when snapshot is not null: On(x, snapshot); break;
            case FollowUpCancelled x when snapshot is not null: On(x, snapshot); break;
        }

        return snapshot;
    }

    private static FollowUpItem Start(FollowUpScheduled e) => new()
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

    private static void On(FollowUpCompleted e, FollowUpItem item)
    {
        item.Status = FollowUpStatus.Completed;
        item.Outcome = e.Outcome;
        item.CompletedOn = e.CompletedOn;
    }

    private static void On(FollowUpCancelled e, FollowUpItem item)
    {
        item.Status = FollowUpStatus.Cancelled;
        item.Outcome = e.Reason;
    }
}
