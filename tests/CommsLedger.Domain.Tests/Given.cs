using InteractionState = CommsLedger.Domain.Interactions.Interaction;
using PledgeState = CommsLedger.Domain.Pledges.Pledge;

namespace CommsLedger.Domain.Tests;

/// <summary>Builds write-side state with the store's own fold: the first event creates it, the rest are applied in order.</summary>
internal static class Given
{
    public static InteractionState Interaction(params object[] events) =>
        events.Aggregate((InteractionState?)null, InteractionState.Fold) ?? throw new ArgumentException("an interaction stream starts with InteractionLogged", nameof(events));

    public static PledgeState Pledge(params object[] events) =>
        events.Aggregate((PledgeState?)null, PledgeState.Fold) ?? throw new ArgumentException("a pledge stream starts with PledgeMade", nameof(events));
}
