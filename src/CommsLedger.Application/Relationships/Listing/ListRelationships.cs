using CommsLedger.Application.Clearance;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Projections.Relationships;
using Marten;
using Mediator;

namespace CommsLedger.Application.Relationships.Listing;

public sealed record ListRelationships(DateOnly Today) : IQuery<IReadOnlyList<RelationshipView>>;

public sealed class ListRelationshipsHandler(IQuerySession session, Actor actor) : IQueryHandler<ListRelationships, IReadOnlyList<RelationshipView>>
{
    public async ValueTask<IReadOnlyList<RelationshipView>> Handle(ListRelationships query, CancellationToken cancellationToken)
    {
        var ledgers = await session.Query<RelationshipLedger>().OrderBy(l => l.Id).ToListAsync(cancellationToken);
        return ledgers.Select(l => l.Within(actor.Clearance)).Where(l => !l.IsEmpty())
            .Select(l => GetRelationshipHandler.Summarise(l, query.Today)).ToArray();
    }
}
