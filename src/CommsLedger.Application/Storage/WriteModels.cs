using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace CommsLedger.Application.Storage;

/// <summary>
/// Tells Marten how to fold a stream into the domain's write-side state for <c>FetchForWriting</c>: thin Live
/// aggregations that delegate to the domain's own <c>Start</c>/<c>Evolve</c> (named so that Marten's conventions do
/// not claim them; Marten 9's conventional dispatch is generated at compile time only in assemblies referencing it).
/// </summary>
public static class WriteModels
{
    public static void AddWriteModels(this StoreOptions options)
    {
        options.Projections.Add<InteractionStateAggregation>(ProjectionLifecycle.Live);
        options.Projections.Add<PledgeStateAggregation>(ProjectionLifecycle.Live);
    }
}

/// <summary>Explicit <c>Evolve</c>: with convention methods Marten conjures an empty state for a stream whose first
/// event has no Create (a pledge command naming an interaction's id) and applies to it; here such a stream has no
/// state, and the caller says "not found".</summary>
public sealed class InteractionStateAggregation : SingleStreamProjection<Interaction, Guid>
{
    public InteractionStateAggregation()
    {
        IncludeType<InteractionLogged>();
        IncludeType<StatementRecorded>();
        IncludeType<InteractionEntryCorrected>();
        IncludeType<StatementRetracted>();
        IncludeType<InteractionRetracted>();
        IncludeType<FollowUpScheduled>();
        IncludeType<FollowUpCompleted>();
        IncludeType<FollowUpCancelled>();
    }

    public override Interaction? Evolve(Interaction? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (_, InteractionLogged x) => Interaction.Start(x),
        (null, _) => null,
        (_, StatementRecorded x) => snapshot.Evolve(x),
        (_, InteractionEntryCorrected x) => snapshot.Evolve(x),
        (_, StatementRetracted x) => snapshot.Evolve(x),
        (_, InteractionRetracted x) => snapshot.Evolve(x),
        (_, FollowUpScheduled x) => snapshot.Evolve(x),
        (_, FollowUpCompleted x) => snapshot.Evolve(x),
        (_, FollowUpCancelled x) => snapshot.Evolve(x),
        _ => snapshot,
    };
}

public sealed class PledgeStateAggregation : SingleStreamProjection<Pledge, Guid>
{
    public PledgeStateAggregation()
    {
        IncludeType<PledgeMade>();
        IncludeType<PledgeFulfilled>();
        IncludeType<PledgePartiallyFulfilled>();
        IncludeType<PledgeBroken>();
        IncludeType<PledgeWithdrawn>();
        IncludeType<PledgeLapsed>();
        IncludeType<PledgeRetracted>();
        IncludeType<PledgeCorrected>();
        IncludeType<FollowUpScheduled>();
        IncludeType<FollowUpCompleted>();
        IncludeType<FollowUpCancelled>();
    }

    public override Pledge? Evolve(Pledge? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (_, PledgeMade x) => Pledge.Start(x),
        (null, _) => null,
        (_, PledgeFulfilled x) => snapshot.Evolve(x),
        (_, PledgePartiallyFulfilled x) => snapshot.Evolve(x),
        (_, PledgeBroken x) => snapshot.Evolve(x),
        (_, PledgeWithdrawn x) => snapshot.Evolve(x),
        (_, PledgeLapsed x) => snapshot.Evolve(x),
        (_, PledgeRetracted x) => snapshot.Evolve(x),
        (_, PledgeCorrected x) => snapshot.Evolve(x),
        (_, FollowUpScheduled x) => snapshot.Evolve(x),
        (_, FollowUpCompleted x) => snapshot.Evolve(x),
        (_, FollowUpCancelled x) => snapshot.Evolve(x),
        _ => snapshot,
    };
}
