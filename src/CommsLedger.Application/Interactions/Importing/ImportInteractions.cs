using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Interactions.Importing;

/// <summary>
/// Import a batch of historic interactions: JSON lines, one <see cref="InteractionFile"/> per line, each with a
/// stable <c>source.sourceId</c>. Every line is checked before anything is appended, so one bad line (or one marked
/// above the importer's clearance) rejects the whole file, naming its line and field. Ids derive from the source id exactly as <c>LogInteraction</c> derives
/// them, and interactions already in the ledger are skipped, so importing the same file twice appends nothing.
/// </summary>
/// <param name="Open">Opens the file; called once to check every line and once to append.</param>
/// <param name="Bulk">Append with PostgreSQL COPY, then rebuild every read model from event zero (see <see cref="BulkAppend"/>);
/// otherwise normal sessions with the inline projections (see <see cref="SessionAppend"/>).</param>
/// <param name="BatchSize">Interactions per transaction.</param>
public sealed record ImportInteractions(Func<TextReader> Open, IProgress<ImportProgress>? Progress = null, bool Bulk = false, int BatchSize = 500)
    : ICommand<ImportResult>;

public enum ImportPhase
{
    Checking,
    Appending,
    Rebuilding,
}

/// <summary>Where an import stands: <paramref name="Done"/> of <paramref name="Total"/> lines, interactions or
/// events rebuilt, by phase (0 total while checking: the line count is not known yet); while rebuilding, at
/// <paramref name="EventsPerSecond"/>.</summary>
public sealed record ImportProgress(ImportPhase Phase, long Done, long Total, double EventsPerSecond = 0);

/// <summary><paramref name="Appended"/> interactions were new; <paramref name="AlreadyInLedger"/> were recorded before.
/// The durations are of the three phases: checking every line, appending, rebuilding the read models.</summary>
public sealed record ImportResult(
    int Interactions, int Appended, int AlreadyInLedger, long Events, bool ProjectionsRebuilt, TimeSpan Checking, TimeSpan Appending, TimeSpan Rebuilding);

public sealed class ImportInteractionsHandler(IDocumentSession session, TimeProvider clock, Pipeline.Actor actor) : ICommandHandler<ImportInteractions, ImportResult>
{
    public async ValueTask<ImportResult> Handle(ImportInteractions command, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var started = clock.GetTimestamp();
        var total = ImportFile.CheckAll(command.Open, today, actor.Clearance, command.Progress, cancellationToken);
        var checkedAt = clock.GetTimestamp();
        var (appended, events) = (0, 0L);
        var done = 0;
        var batches = ImportFile.Decided(command.Open, today, actor.Clearance).Chunk(Math.Max(1, command.BatchSize));
        await foreach (var batch in Prefetched.Ahead(batches, 2, cancellationToken))
        {
            var (interactions, batchEvents) = command.Bulk
                ? await BulkAppend.Batch(session, batch, actor.Clearance, cancellationToken)
                : await SessionAppend.Batch(session, batch, actor.Clearance, cancellationToken);
            (appended, events, done) = (appended + interactions, events + batchEvents, done + batch.Length);
            command.Progress?.Report(new ImportProgress(ImportPhase.Appending, done, total));
        }

        var appendedAt = clock.GetTimestamp();
        if (command.Bulk && appended > 0)
        {
            await BulkAppend.RebuildProjections(session.DocumentStore, command.Progress, cancellationToken);
        }

        return new ImportResult(total, appended, total - appended, events, command.Bulk && appended > 0,
            clock.GetElapsedTime(started, checkedAt), clock.GetElapsedTime(checkedAt, appendedAt), clock.GetElapsedTime(appendedAt));
    }
}
