using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using JasperFx.Events;

namespace CommsLedger.Projections.TimeTravel;

/// <summary>
/// Replays events through the very same Apply methods the live projections use, keeping only the events
/// visible <see cref="AsOf"/> a moment. Events must come in global sequence order. An event whose stream's
/// first event was left out is left out too (there is nothing it could apply to).
/// </summary>
public static class LedgerReplay
{
    public static IEnumerable<IEvent> Visible(IEnumerable<IEvent> events, AsOf asOf)
    {
        var dates = new OccurredDates();
        var hiddenStreams = new HashSet<Guid>();
        foreach (var e in events)
        {
            var occurred = dates.Of(e);
            var visible = !hiddenStreams.Contains(e.StreamId)
                && (asOf.KnownAt is not { } knownAt || e.Timestamp <= knownAt)
                && (asOf.OccurredBy is not { } occurredBy || occurred <= occurredBy);
            if (visible)
            {
                yield return e;
            }
            else if (e.Version == 1)
            {
                hiddenStreams.Add(e.StreamId);
            }
        }
    }

    public static RelationshipLedger Relationship(string key, IEnumerable<IEvent> events) =>
        Continue(new RelationshipLedger { Id = key }, events);

    /// <summary>Applies more events to a ledger already folded up to some point (a checkpoint).</summary>
    public static RelationshipLedger Continue(RelationshipLedger ledger, IEnumerable<IEvent> events)
    {
        foreach (var e in events)
        {
            ApplyToRelationship(e.Data, ledger);
        }

        return ledger;
    }

    public static PledgeRegister? Pledge(IEnumerable<IEvent> streamEvents)
    {
        var projection = new PledgeRegisterProjection();
        PledgeRegister? register = null;
        foreach (var e in streamEvents)
        {
            register = projection.Evolve(register, e.StreamId, e);
            register?.Version = e.Version;
        }

        return register;
    }

    public static InteractionRecord? Interaction(IEnumerable<IEvent> streamEvents)
    {
        InteractionRecord? record = null;
        foreach (var e in streamEvents)
        {
            record = e.Data is InteractionLogged
                ? InteractionRecordProjection.Create((IEvent<InteractionLogged>)e)
                : record is null ? null : ApplyToInteraction(e, record);
            record?.Version = e.Version;
        }

        return record;
    }

    /// <summary>The follow-up queue from all events: one item per follow-up ever scheduled.</summary>
    public static IReadOnlyList<FollowUps.FollowUpItem> FollowUps(IEnumerable<IEvent> events)
    {
        var items = new Dictionary<Guid, FollowUps.FollowUpItem>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case FollowUpScheduled x: items[x.FollowUpId] = CommsLedger.Projections.FollowUps.FollowUpQueueProjection.Create(x); break;
                case FollowUpCompleted x when items.TryGetValue(x.FollowUpId, out var item): CommsLedger.Projections.FollowUps.FollowUpQueueProjection.Apply(x, item); break;
                case FollowUpCancelled x when items.TryGetValue(x.FollowUpId, out var item): CommsLedger.Projections.FollowUps.FollowUpQueueProjection.Apply(x, item); break;
            }
        }

        return [.. items.Values];
    }

    /// <summary>Every relationship ledger from all events, keyed like the live documents.</summary>
    public static IReadOnlyList<RelationshipLedger> Relationships(IEnumerable<IEvent> events)
    {
        var ledgers = new Dictionary<string, RelationshipLedger>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            foreach (var key in RelationshipsOf(e.Data))
            {
                if (!ledgers.TryGetValue(key, out var ledger))
                {
                    ledgers[key] = ledger = new RelationshipLedger { Id = key };
                }

                ApplyToRelationship(e.Data, ledger);
            }
        }

        return [.. ledgers.Values];
    }

    private static IReadOnlyList<string> RelationshipsOf(object data) => data switch
    {
        InteractionLogged x => x.Relationships,
        StatementRecorded x => x.Relationships,
        InteractionEntryCorrected x => x.Relationships,
        StatementRetracted x => x.Relationships,
        InteractionRetracted x => x.Relationships,
        PledgeMade x => x.Relationships,
        IPledgeOutcome x => x.Relationships,
        PledgeCorrected x => x.Relationships,
        PledgeRetracted x => x.Relationships,
        FollowUpScheduled x => x.Relationships,
        FollowUpCompleted x => x.Relationships,
        FollowUpCancelled x => x.Relationships,
        _ => [],
    };

    private static InteractionRecord ApplyToInteraction(IEvent e, InteractionRecord view)
    {
        switch (e)
        {
            case IEvent<StatementRecorded> x: InteractionRecordProjection.Apply(x.Data, view); break;
            case IEvent<CommitmentRecorded> x: InteractionRecordProjection.Apply(x.Data, view); break;
            case IEvent<InteractionEntryCorrected> x: InteractionRecordProjection.Apply(x, view); break;
            case IEvent<StatementRetracted> x: InteractionRecordProjection.Apply(x.Data, view); break;
            case IEvent<InteractionRetracted> x: InteractionRecordProjection.Apply(x.Data, view); break;
        }

        return view;
    }

    private static void ApplyToRelationship(object data, RelationshipLedger ledger)
    {
        switch (data)
        {
            case InteractionLogged x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case StatementRecorded x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case InteractionEntryCorrected x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case StatementRetracted x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case InteractionRetracted x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case PledgeMade x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case PledgeFulfilled x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case PledgePartiallyFulfilled x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case PledgeBroken x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case PledgeWithdrawn x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case PledgeLapsed x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case PledgeCorrected x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case PledgeRetracted x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case FollowUpScheduled x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case FollowUpCompleted x: RelationshipLedgerProjection.Apply(x, ledger); break;
            case FollowUpCancelled x: RelationshipLedgerProjection.Apply(x, ledger); break;
        }
    }
}
