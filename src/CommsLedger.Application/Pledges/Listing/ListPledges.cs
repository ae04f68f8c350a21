using CommsLedger.Application.Clearance;
using CommsLedger.Application.History;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Pledges;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.TimeTravel;
using Marten;
using Marten.Linq;
using Mediator;

namespace CommsLedger.Application.Pledges.Listing;

/// <summary>Pledges filtered by relationship, by the party that made them, by status, and by due date
/// (<paramref name="DueBy"/>: due on or before; <paramref name="OverdueOn"/>: still open and due before that day).</summary>
public sealed record ListPledges(string? Relationship, string? By, PledgeStatus? Status, DateOnly? DueBy, DateOnly? OverdueOn, AsOf? AsOf = null) : IQuery<IReadOnlyList<PledgeRegister>>;

public sealed class ListPledgesHandler(IQuerySession session, Actor actor) : IQueryHandler<ListPledges, IReadOnlyList<PledgeRegister>>
{
    public async ValueTask<IReadOnlyList<PledgeRegister>> Handle(ListPledges query, CancellationToken cancellationToken)
    {
        var visible = actor.Clearance.VisibleMarkings();
        var pledges = session.Query<PledgeRegister>().Where(p => p.Classification.IsOneOf(visible));
        if (query.Relationship is { } key)
        {
            pledges = pledges.Where(p => p.Relationships.Contains(key));
        }

        if (query.By is { } by)
        {
            pledges = pledges.Where(p => p.By == by);
        }

        if (query.Status is { } status)
        {
            pledges = pledges.Where(p => p.Status == status);
        }

        if (query.DueBy is { } dueBy)
        {
            pledges = pledges.Where(p => p.Due != null && p.Due <= dueBy);
        }

        if (query.OverdueOn is { } today)
        {
            pledges = pledges.Where(p => p.Due != null && p.Due < today
                && (p.Status == PledgeStatus.Open || p.Status == PledgeStatus.PartiallyFulfilled));
        }

        if (query.AsOf is not { IsNow: false } asOf)
        {
            var now = await pledges.OrderBy(p => p.MadeOn).ThenBy(p => p.By).ToListAsync(cancellationToken);
            return [.. now.Select(p => p.Within(actor.Clearance)!)];
        }

        // As of another moment: replay every pledge of the relationship (or all), then filter in memory.
        var candidates = query.Relationship is { } relationship
            ? await session.Query<PledgeRegister>().Where(p => p.Relationships.Contains(relationship)).Select(p => p.Id).ToListAsync(cancellationToken)
            : await session.Query<PledgeRegister>().Select(p => p.Id).ToListAsync(cancellationToken);
        var events = await LedgerEvents.Of(session, candidates, asOf.KnownAt, cancellationToken);
        var replayed = LedgerReplay.Visible(events, asOf).GroupBy(e => e.StreamId)
            .Select(stream => LedgerReplay.Pledge(stream))
            .OfType<PledgeRegister>();
        return replayed.Where(p => actor.Clearance.Sees(p.Classification) && Matches(p, query)).OrderBy(p => p.MadeOn).ThenBy(p => p.By, StringComparer.Ordinal)
            .Select(p => p.Within(actor.Clearance)!).ToArray();
    }

    private static bool Matches(PledgeRegister p, ListPledges query) =>
        (query.By is null || p.By == query.By)
        && (query.Status is null || p.Status == query.Status)
        && (query.DueBy is null || (p.Due is { } due && due <= query.DueBy))
        && (query.OverdueOn is null || (p.Due is { } d && d < query.OverdueOn && p.Status is PledgeStatus.Open or PledgeStatus.PartiallyFulfilled));
}
