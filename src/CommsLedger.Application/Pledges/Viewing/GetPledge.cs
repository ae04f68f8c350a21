using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;
using Marten;
using Mediator;

namespace CommsLedger.Application.Pledges.Viewing;

public sealed record GetPledge(Guid PledgeId) : IQuery<PledgeRegister>;

public sealed class GetPledgeHandler(IQuerySession session) : IQueryHandler<GetPledge, PledgeRegister>
{
    public async ValueTask<PledgeRegister> Handle(GetPledge query, CancellationToken cancellationToken) =>
        await session.LoadAsync<PledgeRegister>(query.PledgeId, cancellationToken) ?? throw new EntryNotFound("pledge", query.PledgeId);
}
