using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Interactions.AddingStatements;

/// <summary>Add a statement to an interaction already logged; its speaker's country must be one of the interaction's parties.</summary>
public sealed record AddStatement(Guid InteractionId, long ExpectedVersion, StatementDraft Statement) : ICommand<Changed>, IChecked, IMarked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(errors => Statement.Check(errors, ""));

    public IEnumerable<(string Field, Domain.Shared.Classification Marking)> Markings() =>
        Statement.Classification is { } marking ? [("classification", marking)] : [];
}

public sealed class AddStatementHandler(IDocumentSession session, Actor actor) : ICommandHandler<AddStatement, Changed>
{
    public async ValueTask<Changed> Handle(AddStatement command, CancellationToken cancellationToken) =>
        await session.Change<Interaction>(command.InteractionId, command.ExpectedVersion, actor.Clearance,
            state => InteractionDecisions.AddStatement(state, command.Statement, Guid.NewGuid()), cancellationToken);
}
