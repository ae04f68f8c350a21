using CommsLedger.Domain.Interactions;
using CommsLedger.Application.Storage;
using Marten;
using Mediator;

namespace CommsLedger.Application.Interactions.AddingStatements;

public sealed record AddStatement(Guid InteractionId, long ExpectedVersion, StatementDraft Statement) : ICommand<Changed>;

public sealed class AddStatementHandler(IDocumentSession session) : ICommandHandler<AddStatement, Changed>
{
    public async ValueTask<Changed> Handle(AddStatement command, CancellationToken cancellationToken)
    {
        var statementId = Guid.NewGuid();
        var version = await session.Change<Interaction>(command.InteractionId, command.ExpectedVersion,
            state => [InteractionDecisions.AddStatement(state, command.Statement, statementId)], cancellationToken);
        return new Changed(command.InteractionId, version, statementId);
    }
}
