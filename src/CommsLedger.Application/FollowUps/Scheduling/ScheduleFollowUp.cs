using CommsLedger.Application.Corrections;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.FollowUps.Scheduling;

/// <summary>Schedule an action on our side, on a pledge (usual) or on an interaction.</summary>
public sealed record ScheduleFollowUp(EntryKind Subject, Guid SubjectId, long ExpectedVersion, FollowUpDraft FollowUp) : ICommand<Changed>, IChecked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(errors => FollowUp.Check(errors, ""));
}

public sealed class ScheduleFollowUpHandler(IDocumentSession session, Actor actor) : ICommandHandler<ScheduleFollowUp, Changed>
{
    public async ValueTask<Changed> Handle(ScheduleFollowUp command, CancellationToken cancellationToken) => command.Subject == EntryKind.Pledge
        ? await session.Change<Pledge>(command.SubjectId, command.ExpectedVersion, actor.Clearance,
            state => PledgeDecisions.ScheduleFollowUp(state, command.FollowUp, Guid.NewGuid()), cancellationToken)
        : await session.Change<Interaction>(command.SubjectId, command.ExpectedVersion, actor.Clearance,
            state => InteractionDecisions.ScheduleFollowUp(state, command.FollowUp, Guid.NewGuid()), cancellationToken);
}
