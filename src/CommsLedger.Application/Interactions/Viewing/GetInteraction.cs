using CommsLedger.Application.Clearance;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using Marten;
using Mediator;

namespace CommsLedger.Application.Interactions.Viewing;

public sealed record GetInteraction(Guid InteractionId) : IQuery<InteractionRecord>;

public sealed class GetInteractionHandler(IQuerySession session, Actor actor) : IQueryHandler<GetInteraction, InteractionRecord>
{
    public async ValueTask<InteractionRecord> Handle(GetInteraction query, CancellationToken cancellationToken)
    {
        var stored = await session.LoadAsync<InteractionRecord>(query.InteractionId, cancellationToken)
            ?? throw new EntryNotFound("interaction", query.InteractionId);
        var record = stored.Within(actor.Clearance)
            ?? throw EntryNotFound.AboveClearance("interaction", query.InteractionId, stored.Classification, actor.Clearance);
        record.Version = await StreamVersions.Visible(session, record.Id, record.Version, actor.Clearance, cancellationToken);
        return record;
    }
}
