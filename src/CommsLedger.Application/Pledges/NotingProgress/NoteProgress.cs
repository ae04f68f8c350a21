using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Pledges.NotingProgress;

public sealed record NoteProgress(Guid PledgeId, long ExpectedVersion, string Note, DateOnly AsOf) : ICommand<Changed>, IChecked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(errors =>
    {
        errors.RequireText(Note, "note");
        errors.RequirePlausibleDate(AsOf, "asOf");
    });
}

public sealed class NoteProgressHandler(IDocumentSession session, Actor actor) : ICommandHandler<NoteProgress, Changed>
{
    public async ValueTask<Changed> Handle(NoteProgress command, CancellationToken cancellationToken) =>
        await session.Change<Pledge>(command.PledgeId, command.ExpectedVersion, actor.Clearance,
            state => PledgeDecisions.NoteProgress(state, command.Note, command.AsOf), cancellationToken);
}
