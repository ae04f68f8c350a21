using CommsLedger.Application.Clearance;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.TimeTravel;
using JasperFx.Events;
using Marten;
using Mediator;

namespace CommsLedger.Application.History.Reading;

/// <summary>Every event that touched a relationship, in the order recorded, optionally as of a moment.</summary>
public sealed record GetHistory(string Key, AsOf? AsOf = null) : IQuery<IReadOnlyList<HistoryEntry>>;

/// <summary>One line of a relationship's history as a reviewer reads it. <paramref name="Replaces"/> says what a
/// correction or retraction replaced. <paramref name="Version"/> is the stream version as this reader sees it
/// (see <see cref="Storage.StreamVersions"/>). <paramref name="Sequence"/>, the ledger-wide position, is shown to
/// TOP SECRET readers only: it numbers every event, so the gaps between the ones a reader may see would count the
/// ones they may not.</summary>
public sealed record HistoryEntry(
    long? Sequence,
    DateTimeOffset RecordedAt,
    DateOnly OccurredOn,
    string EventType,
    Guid StreamId,
    long Version,
    string? RecordedBy,
    string? CorrelationId,
    string What,
    string? Replaces);

public sealed class GetHistoryHandler(IQuerySession session, Actor actor) : IQueryHandler<GetHistory, IReadOnlyList<HistoryEntry>>
{
    public async ValueTask<IReadOnlyList<HistoryEntry>> Handle(GetHistory query, CancellationToken cancellationToken)
    {
        var key = RelationshipKey.Parse(query.Key, out var problem)
            ?? throw new CommandRejected([new FieldError("relationship", problem!)]);
        var asOf = query.AsOf ?? AsOf.Now;
        var streams = await LedgerEvents.StreamsOf(session, key, cancellationToken);
        var events = await LedgerEvents.Of(session, streams, asOf.KnownAt, cancellationToken);
        var cleared = events.Within(actor.Clearance).ToArray();
        var versions = VisibleVersions(cleared);
        var showSequence = actor.Clearance == Classification.TopSecret;
        var lines = new List<HistoryEntry>();
        var dates = new OccurredDates();
        foreach (var e in LedgerReplay.Visible(cleared, asOf))
        {
            var (what, replaces) = e.Data is IDescribedEvent described ? described.Describe() : new HistoryLine(e.Data.GetType().Name);
            lines.Add(new HistoryEntry(showSequence ? e.Sequence : null, e.Timestamp, dates.Of(e), e.EventTypeName, e.StreamId, versions[e.Id],
                e.UserName, e.CorrelationId, what, replaces));
        }

        return lines;
    }

    /// <summary>Numbers each stream's cleared events 1, 2, 3…: the versions this reader would see.</summary>
    private static Dictionary<Guid, long> VisibleVersions(IEnumerable<IEvent> cleared)
    {
        var counts = new Dictionary<Guid, long>();
        var versions = new Dictionary<Guid, long>();
        foreach (var e in cleared)
        {
            counts[e.StreamId] = counts.GetValueOrDefault(e.StreamId) + 1;
            versions[e.Id] = counts[e.StreamId];
        }

        return versions;
    }
}
