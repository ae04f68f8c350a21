using CommsLedger.Application.Clearance;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using Marten;
using Mediator;

namespace CommsLedger.Application.Interactions.Logging;

/// <summary>Log an interaction with its statements, commitments and follow-ups in one transaction.
/// With a source id, the ids are derived from it and its marking (see <see cref="SourceRecords"/>), so recording the
/// same source twice appends nothing.</summary>
public sealed record LogInteraction(InteractionDraft Draft) : ICommand<InteractionRecord>, IChecked, IMarked
{
    public IReadOnlyList<FieldError> Check() => Draft.Check();

    public IEnumerable<(string Field, Classification Marking)> Markings() => Draft.Markings();
}

public sealed class LogInteractionHandler(IDocumentSession session, TimeProvider clock, Actor actor) : ICommandHandler<LogInteraction, InteractionRecord>
{
    public async ValueTask<InteractionRecord> Handle(LogInteraction command, CancellationToken cancellationToken)
    {
        var interactionId = command.Draft.Source is { } source ? SourceRecords.IdFor(source.SourceId, command.Draft.Classification) : Guid.NewGuid();
        Func<Classification, Guid> nextId = command.Draft.Source is null ? _ => Guid.NewGuid() : DeterministicIds.SequencesByMarking(interactionId);
        var today = clock.Today();
        var reaffirmable = await session.LockPledges(command.Draft.Commitments.Select(c => c.Reaffirms), actor.Clearance, cancellationToken);
        var decision = InteractionDecisions.Log(command.Draft, interactionId, nextId, today, reaffirmable);
        await session.Start(decision, actor.Clearance, cancellationToken);
        var record = await session.LoadAsync<InteractionRecord>(interactionId, cancellationToken)
            ?? throw new InvalidOperationException($"interaction {interactionId} was appended but its record was not projected");
        var visible = record.Within(actor.Clearance)!;
        visible.Version = await StreamVersions.Visible(session, visible.Id, visible.Version, actor.Clearance, cancellationToken);
        return visible;
    }
}
