using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using InteractionState = CommsLedger.Domain.Interactions.Interaction;
using PledgeState = CommsLedger.Domain.Pledges.Pledge;

namespace CommsLedger.Domain.Tests;

/// <summary>Builds write-side state as the store does: the first event creates it, the rest are applied in order.</summary>
internal static class Given
{
    public static InteractionState Interaction(params object[] events) =>
        events.Skip(1).Aggregate(InteractionState.Create((InteractionLogged)events[0]), Apply);

    public static PledgeState Pledge(params object[] events) =>
        events.Skip(1).Aggregate(PledgeState.Create((PledgeMade)events[0]), Apply);

    private static InteractionState Apply(InteractionState state, object @event) => @event switch
    {
        StatementRecorded e => state.Apply(e),
        InteractionEntryCorrected e => state.Apply(e),
        StatementRetracted e => state.Apply(e),
        InteractionRetracted e => state.Apply(e),
        FollowUpScheduled e => state.Apply(e),
        FollowUpCompleted e => state.Apply(e),
        FollowUpCancelled e => state.Apply(e),
        CommitmentRecorded => state, // the commitment lives on in its own pledge stream
        _ => throw new ArgumentException($"{@event.GetType().Name} is not an interaction event", nameof(@event)),
    };

    private static PledgeState Apply(PledgeState state, object @event) => @event switch
    {
        PledgeFulfilled e => state.Apply(e),
        PledgePartiallyFulfilled e => state.Apply(e),
        PledgeBroken e => state.Apply(e),
        PledgeWithdrawn e => state.Apply(e),
        PledgeLapsed e => state.Apply(e),
        PledgeCorrected e => state.Apply(e),
        PledgeRetracted e => state.Apply(e),
        FollowUpScheduled e => state.Apply(e),
        FollowUpCompleted e => state.Apply(e),
        FollowUpCancelled e => state.Apply(e),
        PledgeProgressNoted or ComplianceAssessed => state, // recorded, but no decision depends on them
        _ => throw new ArgumentException($"{@event.GetType().Name} is not a pledge event", nameof(@event)),
    };
}
