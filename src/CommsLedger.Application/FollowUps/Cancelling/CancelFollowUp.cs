using CommsLedger.Application.FollowUps;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.FollowUps.Cancelling;

public sealed record CancelFollowUp(Guid FollowUpId, long ExpectedVersion, string Reason) : ICommand<Changed>, IChecked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(errors => errors.RequireText(Reason, "reason"));
}

public sealed class CancelFollowUpHandler(IDocumentSession session, Actor actor) : ICommandHandler<CancelFollowUp, Changed>
{
    public async ValueTask<Changed> Handle(CancelFollowUp command, CancellationToken cancellationToken)
    {
        var item = await session.FollowUp(command.FollowUpId, actor.Clearance, cancellationToken);
        return item.PledgeId is not null
            ? await session.Change<Pledge>(item.SubjectId, command.ExpectedVersion, actor.Clearance,
                state => FollowUpDecisions.Cancel(state, command.FollowUpId, command.Reason), cancellationToken)
            : await session.Change<Interaction>(item.SubjectId, command.ExpectedVersion, actor.Clearance,
                state => FollowUpDecisions.Cancel(state, command.FollowUpId, command.Reason), cancellationToken);
    }
}
