using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Corrections.Correcting;

/// <summary>Correct one field of an earlier entry. The original stays in the stream; the correction records
/// what it replaced, why, and (through the event metadata) who and when.</summary>
public sealed record CorrectEntry(EntryKind Target, Guid StreamId, Guid? StatementId, long ExpectedVersion, string Field, string Now, string Reason)
    : ICommand<Changed>, IChecked
{
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new FieldErrors();
        errors.RequireText(Field, "field", 50);
        errors.Require(Now is not null, "now", "is required");
        errors.Require((Now?.Length ?? 0) <= 8000, "now", "is longer than 8000 characters");
        errors.RequireStorable(Now, "now");
        errors.RequireText(Reason, "reason", 2000);
        errors.Require(Target != EntryKind.Statement || StatementId is not null, "statementId", "is required to correct a statement");
        return errors.All;
    }
}

public sealed class CorrectEntryHandler(IDocumentSession session, Actor actor) : ICommandHandler<CorrectEntry, Changed>
{
    public async ValueTask<Changed> Handle(CorrectEntry command, CancellationToken cancellationToken)
    {
        var version = command.Target == EntryKind.Pledge
            ? await session.Change<Pledge>(command.StreamId, command.ExpectedVersion, actor.Clearance,
                state => [PledgeDecisions.Correct(state, command.Field, command.Now, command.Reason)], cancellationToken)
            : await session.Change<Interaction>(command.StreamId, command.ExpectedVersion, actor.Clearance,
                state => [InteractionDecisions.Correct(state, command.Target == EntryKind.Statement ? command.StatementId : null, command.Field, command.Now, command.Reason)],
                cancellationToken);
        return new Changed(command.StreamId, version);
    }
}
