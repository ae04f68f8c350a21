using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Pledges.ChangingStatus;

/// <summary>Record what became of a pledge in the world: fulfilled, partially fulfilled, broken, withdrawn, lapsed.</summary>
public sealed record ChangePledgeStatus(Guid PledgeId, long ExpectedVersion, PledgeStatus Status, DateOnly On, string Note) : ICommand<Changed>, IChecked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(errors =>
    {
        errors.RequirePlausibleDate(On, "on");
        errors.OptionalText(Note, "note");
    });
}

public sealed class ChangePledgeStatusHandler(IDocumentSession session, Actor actor) : ICommandHandler<ChangePledgeStatus, Changed>
{
    public async ValueTask<Changed> Handle(ChangePledgeStatus command, CancellationToken cancellationToken) =>
        await session.Change<Pledge>(command.PledgeId, command.ExpectedVersion, actor.Clearance,
            state => PledgeDecisions.ChangeStatus(state, command.Status, command.On, command.Note), cancellationToken);
}
