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
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(errors =>
    {
        errors.RequireText(Field, "field", 50);
        errors.Require(Now is not null, "now", "is required");
        errors.Require((Now?.Length ?? 0) <= 8000, "now", "is longer than 8000 characters");
        errors.RequireStorable(Now, "now");
        if (errors.All.Count == 0)
        {
            errors.Add(Target == EntryKind.Pledge ? PledgeCorrections.Check(Field, Now) : InteractionCorrections.Check(Target == EntryKind.Statement, Field, Now));
        }

        Reasons.Check(errors, Reason);
        errors.Require(Target != EntryKind.Statement || StatementId is not null, "statementId", "is required to correct a statement");
    });
}

public sealed class CorrectEntryHandler(IDocumentSession session, Actor actor) : ICommandHandler<CorrectEntry, Changed>
{
    public async ValueTask<Changed> Handle(CorrectEntry command, CancellationToken cancellationToken) => command.Target == EntryKind.Pledge
        ? await session.Change<Pledge>(command.StreamId, command.ExpectedVersion, actor.Clearance,
            state => PledgeDecisions.Correct(state, command.Field, command.Now, command.Reason), cancellationToken)
        : await session.Change<Interaction>(command.StreamId, command.ExpectedVersion, actor.Clearance,
            state => InteractionDecisions.Correct(state, command.Target == EntryKind.Statement ? command.StatementId : null, command.Field, command.Now, command.Reason),
            cancellationToken);
}
