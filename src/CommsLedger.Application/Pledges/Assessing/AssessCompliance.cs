using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Pledges.Assessing;

/// <summary>A reviewer scores a pledge on the G7 Research Group scale (+1, 0, −1) with a rationale.</summary>
public sealed record AssessCompliance(Guid PledgeId, long ExpectedVersion, int Score, string Rationale, string? Evidence, DateOnly AssessedOn) : ICommand<Changed>, IChecked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(errors =>
    {
        errors.Require(Score is >= -1 and <= 1, "score", $"{Score} is not on the G7 scale: use +1 (full), 0 (partial) or -1 (none)");
        errors.RequireText(Rationale, "rationale");
        errors.OptionalText(Evidence, "evidence");
        errors.RequirePlausibleDate(AssessedOn, "on");
    });
}

public sealed class AssessComplianceHandler(IDocumentSession session, Actor actor) : ICommandHandler<AssessCompliance, Changed>
{
    public async ValueTask<Changed> Handle(AssessCompliance command, CancellationToken cancellationToken) =>
        await session.Change<Pledge>(command.PledgeId, command.ExpectedVersion, actor.Clearance,
            state => PledgeDecisions.Assess(state, Guid.NewGuid(), command.Score, command.Rationale, command.Evidence, command.AssessedOn), cancellationToken);
}
