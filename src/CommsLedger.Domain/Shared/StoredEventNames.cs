using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;

namespace CommsLedger.Domain.Shared;

/// <summary>
/// The names events are stored under. Pinned and versioned so renaming a CLR type never orphans history:
/// a new shape of an event gets a new name (".v2") and an upcaster, never an edit here.
/// </summary>
public static class StoredEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> All = new Dictionary<Type, string>
    {
        [typeof(InteractionLogged)] = "interaction_logged.v1",
        [typeof(StatementRecorded)] = "statement_recorded.v1",
        [typeof(CommitmentRecorded)] = "commitment_recorded.v1",
        [typeof(InteractionEntryCorrected)] = "interaction_entry_corrected.v1",
        [typeof(StatementRetracted)] = "statement_retracted.v1",
        [typeof(InteractionRetracted)] = "interaction_retracted.v1",
        [typeof(PledgeMade)] = "pledge_made.v1",
        [typeof(PledgeProgressNoted)] = "pledge_progress_noted.v1",
        [typeof(PledgeFulfilled)] = "pledge_fulfilled.v1",
        [typeof(PledgePartiallyFulfilled)] = "pledge_partially_fulfilled.v1",
        [typeof(PledgeBroken)] = "pledge_broken.v1",
        [typeof(PledgeWithdrawn)] = "pledge_withdrawn.v1",
        [typeof(PledgeLapsed)] = "pledge_lapsed.v1",
        [typeof(ComplianceAssessed)] = "compliance_assessed.v1",
        [typeof(PledgeCorrected)] = "pledge_corrected.v1",
        [typeof(PledgeRetracted)] = "pledge_retracted.v1",
        [typeof(FollowUpScheduled)] = "follow_up_scheduled.v1",
        [typeof(FollowUpCompleted)] = "follow_up_completed.v1",
        [typeof(FollowUpCancelled)] = "follow_up_cancelled.v1",
    };

    /// <summary>The classification an event carries, for the header written beside it (UNCLASSIFIED when it has none of its own).</summary>
    public static Classification ClassificationOf(object @event) => @event switch
    {
        InteractionLogged e => e.Classification,
        StatementRecorded e => e.Classification,
        CommitmentRecorded e => e.Classification,
        PledgeMade e => e.Classification,
        InteractionEntryCorrected e => e.Classification,
        StatementRetracted e => e.Classification,
        FollowUpScheduled e => e.Classification,
        _ => Classification.Unclassified,
    };
}
