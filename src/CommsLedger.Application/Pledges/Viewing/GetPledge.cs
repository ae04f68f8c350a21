using CommsLedger.Application.Clearance;
using CommsLedger.Application.History;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.TimeTravel;
using Marten;
using Mediator;

namespace CommsLedger.Application.Pledges.Viewing;

public sealed record GetPledge(Guid PledgeId, AsOf? AsOf = null) : IQuery<PledgeRegister>;

public sealed class GetPledgeHandler(IQuerySession session, Actor actor) : IQueryHandler<GetPledge, PledgeRegister>
{
    public async ValueTask<PledgeRegister> Handle(GetPledge query, CancellationToken cancellationToken)
    {
        var asOf = query.AsOf ?? AsOf.Now;
        var pledge = asOf.IsNow
            ? await session.LoadAsync<PledgeRegister>(query.PledgeId, cancellationToken)
            : LedgerReplay.Pledge(LedgerReplay.Visible(await LedgerEvents.Of(session, [query.PledgeId], asOf.KnownAt, cancellationToken), asOf));
        return pledge is null ? throw new EntryNotFound("pledge", query.PledgeId)
            : pledge.Within(actor.Clearance) ?? throw EntryNotFound.AboveClearance("pledge", query.PledgeId, pledge.Classification, actor.Clearance);
    }
}
