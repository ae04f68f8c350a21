using CommsLedger.Application.Clearance;
using CommsLedger.Application.Pipeline;
using CommsLedger.Projections.FollowUps;
using Marten;
using Marten.Linq;
using Mediator;

namespace CommsLedger.Application.FollowUps.Viewing;

/// <summary>One follow-up, whatever its state; above the reader's clearance it is not found.</summary>
public sealed record GetFollowUp(Guid FollowUpId) : IQuery<FollowUpItem>;

/// <summary>Every follow-up of one pledge or interaction the reader may see (open, completed and cancelled), by due date.</summary>
public sealed record ListFollowUpsOf(Guid SubjectId) : IQuery<IReadOnlyList<FollowUpItem>>;

public sealed class GetFollowUpHandler(IQuerySession session, Actor actor)
    : IQueryHandler<GetFollowUp, FollowUpItem>, IQueryHandler<ListFollowUpsOf, IReadOnlyList<FollowUpItem>>
{
    public async ValueTask<FollowUpItem> Handle(GetFollowUp query, CancellationToken cancellationToken) =>
        await session.FollowUp(query.FollowUpId, actor.Clearance, cancellationToken);

    public async ValueTask<IReadOnlyList<FollowUpItem>> Handle(ListFollowUpsOf query, CancellationToken cancellationToken)
    {
        var visible = actor.Clearance.VisibleMarkings();
        return await session.Query<FollowUpItem>()
            .Where(f => f.SubjectId == query.SubjectId && f.Classification.IsOneOf(visible))
            .OrderBy(f => f.Due)
            .ToListAsync(cancellationToken);
    }
}
