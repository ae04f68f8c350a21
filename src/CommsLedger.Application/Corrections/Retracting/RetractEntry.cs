using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Corrections.Retracting;

/// <summary>Retract an entry recorded in error. Nothing is deleted: the entry stays in the log, marked retracted.</summary>
public sealed record RetractEntry(EntryKind Target, Guid StreamId, Guid? StatementId, long ExpectedVersion, string Reason)
    : ICommand<Changed>, IChecked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(errors =>
    {
        Reasons.Check(errors, Reason);
        errors.Require(Target != EntryKind.Statement || StatementId is not null, "statementId", "is required to retract a statement");
    });
}

public sealed class RetractEntryHandler(IDocumentSession session, Actor actor) : ICommandHandler<RetractEntry, Changed>
{
    public async ValueTask<Changed> Handle(RetractEntry command, CancellationToken cancellationToken) => command.Target switch
    {
        EntryKind.Pledge => await session.Change<Pledge>(command.StreamId, command.ExpectedVersion, actor.Clearance,
            state => PledgeDecisions.Retract(state, command.Reason), cancellationToken),
        EntryKind.Statement => await session.Change<Interaction>(command.StreamId, command.ExpectedVersion, actor.Clearance,
            state => InteractionDecisions.RetractStatement(state, command.StatementId!.Value, command.Reason), cancellationToken),
        _ => await session.Change<Interaction>(command.StreamId, command.ExpectedVersion, actor.Clearance,
            state => InteractionDecisions.Retract(state, command.Reason), cancellationToken),
    };
}
