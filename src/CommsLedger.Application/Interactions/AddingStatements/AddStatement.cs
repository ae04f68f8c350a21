using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Interactions;
using Marten;
using Mediator;

namespace CommsLedger.Application.Interactions.AddingStatements;

public sealed record AddStatement(Guid InteractionId, long ExpectedVersion, StatementDraft Statement) : ICommand<Changed>, IMarked
{
    public IEnumerable<(string Field, Domain.Shared.Classification Marking)> Markings() =>
        Statement.Classification is { } marking ? [("classification", marking)] : [];
}

public sealed class AddStatementHandler(IDocumentSession session, Actor actor) : ICommandHandler<AddStatement, Changed>
{
    public async ValueTask<Changed> Handle(AddStatement command, CancellationToken cancellationToken)
    {
        var statementId = Guid.NewGuid();
        var version = await session.Change<Interaction>(command.InteractionId, command.ExpectedVersion, actor.Clearance,
            state => [InteractionDecisions.AddStatement(state, command.Statement, statementId)], cancellationToken);
        return new Changed(command.InteractionId, version, statementId);
    }
}
