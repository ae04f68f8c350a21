using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace CommsLedger.Application.Storage;

/// <summary>
/// Tells Marten how to fold a stream into the domain's write-side state for <c>FetchForWriting</c>.
/// Marten 9 dispatches Create/Apply through a compile-time source generator that only runs in assemblies
/// referencing Marten; the domain does not, so these thin Live aggregations delegate to its own methods.
/// </summary>
public static class WriteModels
{
    public static void AddWriteModels(this StoreOptions options)
    {
        options.Projections.Add<InteractionStateAggregation>(ProjectionLifecycle.Live);
        options.Projections.Add<PledgeStateAggregation>(ProjectionLifecycle.Live);
    }
}

public sealed partial class InteractionStateAggregation : SingleStreamProjection<Interaction, Guid>
{
    public static Interaction Create(InteractionLogged e) => Interaction.Create(e);

    public static Interaction Apply(StatementRecorded e, Interaction state) => state.Apply(e);

    public static Interaction Apply(InteractionEntryCorrected e, Interaction state) => state.Apply(e);

    public static Interaction Apply(StatementRetracted e, Interaction state) => state.Apply(e);

    public static Interaction Apply(InteractionRetracted e, Interaction state) => state.Apply(e);

    public static Interaction Apply(FollowUpScheduled e, Interaction state) => state.Apply(e);

    public static Interaction Apply(FollowUpCompleted e, Interaction state) => state.Apply(e);

    public static Interaction Apply(FollowUpCancelled e, Interaction state) => state.Apply(e);
}

public sealed partial class PledgeStateAggregation : SingleStreamProjection<Pledge, Guid>
{
    public static Pledge Create(PledgeMade e) => Pledge.Create(e);

    public static Pledge Apply(PledgeFulfilled e, Pledge state) => state.Apply(e);

    public static Pledge Apply(PledgePartiallyFulfilled e, Pledge state) => state.Apply(e);

    public static Pledge Apply(PledgeBroken e, Pledge state) => state.Apply(e);

    public static Pledge Apply(PledgeWithdrawn e, Pledge state) => state.Apply(e);

    public static Pledge Apply(PledgeLapsed e, Pledge state) => state.Apply(e);

    public static Pledge Apply(PledgeRetracted e, Pledge state) => state.Apply(e);

    public static Pledge Apply(PledgeCorrected e, Pledge state) => state.Apply(e);

    public static Pledge Apply(FollowUpScheduled e, Pledge state) => state.Apply(e);

    public static Pledge Apply(FollowUpCompleted e, Pledge state) => state.Apply(e);

    public static Pledge Apply(FollowUpCancelled e, Pledge state) => state.Apply(e);
}
