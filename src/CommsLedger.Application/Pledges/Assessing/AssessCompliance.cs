using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Pledges;
using Marten;
using Mediator;

namespace CommsLedger.Application.Pledges.Assessing;

/// <summary>A reviewer scores a pledge on the G7 Research Group scale (+1, 0, −1) with a rationale.</summary>
public sealed record AssessCompliance(Guid PledgeId, long ExpectedVersion, int Score, string Rationale, string? Evidence, DateOnly AssessedOn) : ICommand<Changed>;

public sealed class AssessComplianceHandler(IDocumentSession session, Actor actor) : ICommandHandler<AssessCompliance, Changed>
{
    public async ValueTask<Changed> Handle(AssessCompliance command, CancellationToken cancellationToken)
    {
        var assessmentId = Guid.NewGuid();
        var version = await session.Change<Pledge>(command.PledgeId, command.ExpectedVersion, actor.Clearance,
            state => [PledgeDecisions.Assess(state, assessmentId, command.Score, command.Rationale, command.Evidence, command.AssessedOn)],
            cancellationToken);
        return new Changed(command.PledgeId, version, assessmentId);
    }
}
