using CommsLedger.Application.FollowUps;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.FollowUps.Completing;

/// <summary>Complete a follow-up with its outcome. The expected version is that of the stream holding it
/// (its pledge, or its interaction).</summary>
public sealed record CompleteFollowUp(Guid FollowUpId, long ExpectedVersion, string Outcome, DateOnly CompletedOn) : ICommand<Changed>, IChecked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(errors =>
    {
        errors.RequireText(Outcome, "outcome");
        errors.RequirePlausibleDate(CompletedOn, "on");
    });
}

public sealed class CompleteFollowUpHandler(IDocumentSession session, Actor actor) : ICommandHandler<CompleteFollowUp, Changed>
{
    public async ValueTask<Changed> Handle(CompleteFollowUp command, CancellationToken cancellationToken)
    {
        var item = await session.FollowUp(command.FollowUpId, actor.Clearance, cancellationToken);
        return item.PledgeId is not null
            ? await session.Change<Pledge>(item.SubjectId, command.ExpectedVersion, actor.Clearance,
                state => FollowUpDecisions.Complete(state, command.FollowUpId, command.Outcome, command.CompletedOn), cancellationToken)
            : await session.Change<Interaction>(item.SubjectId, command.ExpectedVersion, actor.Clearance,
                state => FollowUpDecisions.Complete(state, command.FollowUpId, command.Outcome, command.CompletedOn), cancellationToken);
    }
}
