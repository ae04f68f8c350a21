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
/// correction or retraction replaced.</summary>
public sealed record HistoryEntry(
    long Sequence,
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
        var lines = new List<HistoryEntry>();
        var dates = new OccurredDates();
        foreach (var e in LedgerReplay.Visible(events, asOf).Within(actor.Clearance))
        {
            var (what, replaces) = HistoryLines.Describe(e.Data);
            lines.Add(new HistoryEntry(e.Sequence, e.Timestamp, dates.Of(e), e.EventTypeName, e.StreamId, e.Version,
                e.UserName, e.CorrelationId, what, replaces));
        }

        return lines;
    }
}
