using CommsLedger.Application.Clearance;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Projections.FollowUps;
using Marten;
using Marten.Linq;
using Mediator;

namespace CommsLedger.Application.FollowUps.Listing;

/// <summary>Open follow-ups due within <paramref name="WithinDays"/> days of today (overdue ones included),
/// or only the overdue ones; optionally for one relationship.</summary>
public sealed record ListFollowUps(int? WithinDays, bool OverdueOnly, string? Relationship, DateOnly Today) : IQuery<IReadOnlyList<FollowUpItem>>;

public sealed class ListFollowUpsHandler(IQuerySession session, Actor actor) : IQueryHandler<ListFollowUps, IReadOnlyList<FollowUpItem>>
{
    public async ValueTask<IReadOnlyList<FollowUpItem>> Handle(ListFollowUps query, CancellationToken cancellationToken)
    {
        var horizon = query.OverdueOnly ? query.Today.AddDays(-1) : query.Today.AddDays(query.WithinDays ?? 36500);
        var visible = actor.Clearance.VisibleMarkings();
        var open = session.Query<FollowUpItem>().Where(f => f.Status == FollowUpStatus.Open && f.Due <= horizon && f.Classification.IsOneOf(visible));
        if (query.Relationship is { } key)
        {
            open = open.Where(f => f.Relationships.Contains(key));
        }

        return await open.OrderBy(f => f.Due).ToListAsync(cancellationToken);
    }
}
