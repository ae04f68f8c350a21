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
        events.Skip(1).Aggregate(InteractionState.Start((InteractionLogged)events[0]), Apply);

    public static PledgeState Pledge(params object[] events) =>
        events.Skip(1).Aggregate(PledgeState.Start((PledgeMade)events[0]), Apply);

    private static InteractionState Apply(InteractionState state, object @event) => @event switch
    {
        StatementRecorded e => state.Evolve(e),
        InteractionEntryCorrected e => state.Evolve(e),
        StatementRetracted e => state.Evolve(e),
        InteractionRetracted e => state.Evolve(e),
        FollowUpScheduled e => state.Evolve(e),
        FollowUpCompleted e => state.Evolve(e),
        FollowUpCancelled e => state.Evolve(e),
        CommitmentRecorded => state, // the commitment lives on in its own pledge stream
        _ => throw new ArgumentException($"{@event.GetType().Name} is not an interaction event", nameof(@event)),
    };

    private static PledgeState Apply(PledgeState state, object @event) => @event switch
    {
        PledgeFulfilled e => state.Evolve(e),
        PledgePartiallyFulfilled e => state.Evolve(e),
        PledgeBroken e => state.Evolve(e),
        PledgeWithdrawn e => state.Evolve(e),
        PledgeLapsed e => state.Evolve(e),
        PledgeCorrected e => state.Evolve(e),
        PledgeRetracted e => state.Evolve(e),
        FollowUpScheduled e => state.Evolve(e),
        FollowUpCompleted e => state.Evolve(e),
        FollowUpCancelled e => state.Evolve(e),
        PledgeProgressNoted or ComplianceAssessed => state, // recorded, but no decision depends on them
        _ => throw new ArgumentException($"{@event.GetType().Name} is not a pledge event", nameof(@event)),
    };
}
