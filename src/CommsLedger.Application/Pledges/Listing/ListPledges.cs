using CommsLedger.Domain.Pledges;
using CommsLedger.Projections.Pledges;
using Marten;
using Mediator;

namespace CommsLedger.Application.Pledges.Listing;

/// <summary>Pledges filtered by relationship, by the party that made them, by status, and by due date
/// (<paramref name="DueBy"/>: due on or before; <paramref name="OverdueOn"/>: still open and due before that day).</summary>
public sealed record ListPledges(string? Relationship, string? By, PledgeStatus? Status, DateOnly? DueBy, DateOnly? OverdueOn) : IQuery<IReadOnlyList<PledgeRegister>>;

public sealed class ListPledgesHandler(IQuerySession session) : IQueryHandler<ListPledges, IReadOnlyList<PledgeRegister>>
{
    public async ValueTask<IReadOnlyList<PledgeRegister>> Handle(ListPledges query, CancellationToken cancellationToken)
    {
        var pledges = session.Query<PledgeRegister>().AsQueryable();
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

        return await pledges.OrderBy(p => p.MadeOn).ThenBy(p => p.By).ToListAsync(cancellationToken);
    }
}
