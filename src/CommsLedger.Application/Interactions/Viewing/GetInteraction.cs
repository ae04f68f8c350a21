using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using Marten;
using Mediator;

namespace CommsLedger.Application.Interactions.Viewing;

public sealed record GetInteraction(Guid InteractionId) : IQuery<InteractionRecord>;

public sealed class GetInteractionHandler(IQuerySession session) : IQueryHandler<GetInteraction, InteractionRecord>
{
    public async ValueTask<InteractionRecord> Handle(GetInteraction query, CancellationToken cancellationToken) =>
        await session.LoadAsync<InteractionRecord>(query.InteractionId, cancellationToken)
        ?? throw new EntryNotFound("interaction", query.InteractionId);
}
