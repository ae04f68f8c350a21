using CommsLedger.Domain.FollowUps;
using CommsLedger.Projections.FollowUps;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using JasperFx.Events;

namespace CommsLedger.Projections.TimeTravel;

/// <summary>
/// Replays events through the very same <c>Evolve</c> the live projections run (no dispatcher of its own), keeping only the events
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

    /// <summary>One relationship from its events: the ledger and every current row, all in memory.</summary>
    public static RelationshipDocuments Relationship(string key, IEnumerable<IEvent> events) =>
        Continue(new RelationshipDocuments(keepsHistory: false), key, events);

    /// <summary>Applies more events of relationship <paramref name="key"/> to documents folded up to some point (a
    /// checkpoint's ledger, with the rows those events touch as they stood there).</summary>
    public static RelationshipDocuments Continue(RelationshipDocuments documents, string key, IEnumerable<IEvent> events)
    {
        foreach (var e in events.Where(e => RelationshipFold.KeysOf(e.Data).Contains(key)))
        {
            RelationshipFold.Apply(documents, key, e);
        }

        return documents;
    }

    public static PledgeRegister? Pledge(IEnumerable<IEvent> streamEvents) => streamEvents.Aggregate((PledgeRegister?)null, Pledge);

    /// <summary>The register after one more event of its stream, its version the stream's as Marten keeps it live.</summary>
    public static PledgeRegister? Pledge(PledgeRegister? register, IEvent e)
    {
        register = _pledges.Evolve(register, e.StreamId, e);
        register?.Version = e.Version;
        return register;
    }

    public static InteractionRecord? Interaction(IEnumerable<IEvent> streamEvents) => streamEvents.Aggregate((InteractionRecord?)null, Interaction);

    /// <summary>The record after one more event of its stream, its version the stream's as Marten keeps it live.</summary>
    public static InteractionRecord? Interaction(InteractionRecord? record, IEvent e)
    {
        record = _interactions.Evolve(record, e.StreamId, e);
        record?.Version = e.Version;
        return record;
    }

    /// <summary>The follow-up queue from all events: one item per follow-up ever scheduled.</summary>
    public static IReadOnlyList<FollowUpItem> FollowUps(IEnumerable<IEvent> events)
    {
        var items = new Dictionary<Guid, FollowUpItem>();
        foreach (var e in events)
        {
            FollowUp(items, e);
        }

        return [.. items.Values];
    }

    /// <summary>Applies one event to the follow-up items it concerns, if any.</summary>
    public static void FollowUp(Dictionary<Guid, FollowUpItem> items, IEvent e)
    {
        if (e.Data is IFollowUpEvent followUp
            && _followUps.Evolve(items.GetValueOrDefault(followUp.FollowUpId), followUp.FollowUpId, e) is { } item)
        {
            items[followUp.FollowUpId] = item;
        }
    }

    /// <summary>Every relationship from all events: ledgers, rows and their earlier versions, checkpoints, as the live projection writes them.</summary>
    public static RelationshipDocuments Relationships(IEnumerable<IEvent> events)
    {
        var documents = new RelationshipDocuments();
        foreach (var e in events)
        {
            RelationshipFold.Apply(documents, e);
        }

        return documents;
    }

    private static readonly InteractionRecordProjection _interactions = new();
    private static readonly PledgeRegisterProjection _pledges = new();
    private static readonly FollowUpQueueProjection _followUps = new();
}
