using CommsLedger.Application.Clearance;
using CommsLedger.Application.History;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.TimeTravel;
using Marten;
using Mediator;

namespace CommsLedger.Application.Interactions.TimeTravel;

/// <summary>One interaction as it stood at a moment on either axis of time: null when the ledger did not hold it
/// yet then. One that does not exist now, or is above the reader's clearance, is not found.</summary>
public sealed record GetInteractionAsOf(Guid InteractionId, AsOf AsOf) : IQuery<InteractionRecord?>;

public sealed class GetInteractionAsOfHandler(IQuerySession session, Actor actor) : IQueryHandler<GetInteractionAsOf, InteractionRecord?>
{
    public async ValueTask<InteractionRecord?> Handle(GetInteractionAsOf query, CancellationToken cancellationToken)
    {
        var now = await session.LoadAsync<InteractionRecord>(query.InteractionId, cancellationToken)
            ?? throw new EntryNotFound("interaction", query.InteractionId);
        if (!actor.Clearance.Sees(now.Classification))
        {
            throw EntryNotFound.AboveClearance("interaction", query.InteractionId, now.Classification, actor.Clearance);
        }

        var events = await LedgerEvents.Of(session, [query.InteractionId], query.AsOf.KnownAt, cancellationToken);
        return LedgerReplay.Interaction(LedgerReplay.Visible(events, query.AsOf))?.Within(actor.Clearance);
    }
}
