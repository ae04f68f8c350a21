using System.Collections.Immutable;
using CommsLedger.Application.Clearance;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace CommsLedger.Application.Storage;

/// <summary>
/// Tells Marten how to fold a stream into the domain's write-side state for <c>FetchForWriting</c>: thin Live
/// aggregations that delegate to the domain's own <c>Start</c>/<c>Evolve</c> (named so that Marten's conventions do
/// not claim them; Marten 9's conventional dispatch is generated at compile time only in assemblies referencing it).
/// Each also counts the stream's events by marking (<see cref="Tracked{TState}"/>), so a writer's version is known
/// from the same read, with no query of its own.
/// </summary>
public static class WriteModels
{
    public static void AddWriteModels(this StoreOptions options)
    {
        options.Projections.Add<InteractionStateAggregation>(ProjectionLifecycle.Live);
        options.Projections.Add<PledgeStateAggregation>(ProjectionLifecycle.Live);
    }
}

/// <summary>A stream's write-side state and how many of its events carry each marking (indexed by
/// <see cref="Classification"/>): the version a reader sees is how many of them they are cleared for.</summary>
public sealed record Tracked<TState>(Guid Id, TState State, ImmutableArray<long> EventsByMarking)
    where TState : class
{
    public long VersionFor(Classification clearance) => EventsByMarking.Take((int)clearance + 1).Sum();

    /// <summary>The next state after one more event; null while there is no state (see the aggregations).</summary>
    public static Tracked<TState>? Next(Tracked<TState>? snapshot, Guid id, TState? state, IEvent e)
    {
        if (state is null)
        {
            return null;
        }

        var counts = snapshot?.EventsByMarking ?? [.. new long[Enum.GetValues<Classification>().Length]];
        var marking = (int)Visibility.MarkingOf(e);
        return new Tracked<TState>(id, state, counts.SetItem(marking, counts[marking] + 1));
    }
}

/// <summary>Explicit <c>Evolve</c>, fed every event of the stream (so every event is counted): with convention methods
/// Marten conjures an empty state for a stream whose first event has no Create (a pledge command naming an
/// interaction's id) and applies to it; here such a stream has no state, and the caller says "not found". The fold
/// itself is the domain's (<see cref="Interaction.Fold"/>), the same the decision tests use.</summary>
public sealed class InteractionStateAggregation : SingleStreamProjection<Tracked<Interaction>, Guid>
{
    public override Tracked<Interaction>? Evolve(Tracked<Interaction>? snapshot, Guid id, IEvent e) =>
        Tracked<Interaction>.Next(snapshot, id, Interaction.Fold(snapshot?.State, e.Data), e);
}

public sealed class PledgeStateAggregation : SingleStreamProjection<Tracked<Pledge>, Guid>
{
    public override Tracked<Pledge>? Evolve(Tracked<Pledge>? snapshot, Guid id, IEvent e) =>
        Tracked<Pledge>.Next(snapshot, id, Pledge.Fold(snapshot?.State, e.Data), e);
}
