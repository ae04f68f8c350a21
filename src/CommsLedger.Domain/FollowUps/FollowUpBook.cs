using System.Collections.Immutable;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.FollowUps;

public enum FollowUpStatus
{
    Open,
    Completed,
    Cancelled,
}

/// <summary>The follow-ups of one subject (a pledge or an interaction) and where each stands:
/// all that scheduling, completing and cancelling need to decide.</summary>
public sealed record FollowUpBook(ImmutableDictionary<Guid, FollowUpStatus> Statuses)
{
    public static readonly FollowUpBook Empty = new(ImmutableDictionary<Guid, FollowUpStatus>.Empty);

    public FollowUpBook Apply(IFollowUpEvent e) => new(Statuses.SetItem(e.FollowUpId, e switch
    {
        FollowUpCompleted => FollowUpStatus.Completed,
        FollowUpCancelled => FollowUpStatus.Cancelled,
        _ => FollowUpStatus.Open,
    }));

    public FollowUpScheduled Schedule(Guid subjectId, Guid? pledgeId, FollowUpDraft draft, Guid followUpId, IReadOnlyList<string> relationships, Classification classification) =>
        new(followUpId, subjectId, pledgeId, draft.Action.Trim(), draft.Owner.Trim(), draft.Due, relationships, classification);

    public FollowUpCompleted Complete(Guid subjectId, Guid? pledgeId, Guid followUpId, string outcome, DateOnly completedOn, IReadOnlyList<string> relationships)
    {
        RequireOpen(followUpId, "complete");
        return new FollowUpCompleted(followUpId, subjectId, pledgeId, outcome.Trim(), completedOn, relationships);
    }

    public FollowUpCancelled Cancel(Guid subjectId, Guid? pledgeId, Guid followUpId, string reason, IReadOnlyList<string> relationships)
    {
        RequireOpen(followUpId, "cancel");
        return new FollowUpCancelled(followUpId, subjectId, pledgeId, reason.Trim(), relationships);
    }

    private void RequireOpen(Guid followUpId, string verb)
    {
        if (!Statuses.TryGetValue(followUpId, out var status))
        {
            throw new LedgerRuleViolated("followUpId", $"follow-up {followUpId} is not scheduled on this entry");
        }

        if (status != FollowUpStatus.Open)
        {
            throw new LedgerRuleViolated("followUpId", $"cannot {verb} follow-up {followUpId}: it is already {status.ToString().ToLowerInvariant()}");
        }
    }
}

public sealed record FollowUpDraft(string Action, string Owner, DateOnly Due)
{
    public void Check(FieldErrors errors, string prefix)
    {
        errors.RequireText(Action, $"{prefix}action", 1000);
        errors.RequireText(Owner, $"{prefix}owner", 200);
        errors.Require(DateText.IsPlausible(Due), $"{prefix}due", $"{Due:yyyy-MM-dd} is not a plausible date");
    }
}
