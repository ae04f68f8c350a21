using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections;
using CommsLedger.Projections.FollowUps;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using JasperFx.Events;
using Marten;
using Mediator;

namespace CommsLedger.Application.History.Replaying;

/// <summary>
/// Rebuild every read model from event zero and compare with the live documents. With <paramref name="CheckOnly"/>
/// the rebuild happens in memory (through the projections' own Evolve methods) and nothing is written; otherwise
/// Marten's daemon rebuilds the stored documents and the result is compared with what was live before.
/// </summary>
public sealed record ReplayProjections(bool CheckOnly, IProgress<ReplayProgress>? Progress = null) : ICommand<ReplayReport>;

public sealed record ReplayProgress(string Step, long Done, long Total);

public sealed record ReplayReport(long Events, IReadOnlyDictionary<string, int> Documents, IReadOnlyList<string> Differences);

public sealed class ReplayProjectionsHandler(IDocumentStore store, Actor actor) : ICommandHandler<ReplayProjections, ReplayReport>
{
    public async ValueTask<ReplayReport> Handle(ReplayProjections command, CancellationToken cancellationToken)
    {
        // The comparison reads and names every document, so it is for fully cleared reviewers only.
        ClearanceTooLow.Require(actor.Clearance, Classification.TopSecret, "replay (it compares every document)");

        var live = await Snapshot(cancellationToken);
        var events = await ReadAll(command.Progress, cancellationToken);
        Dictionary<string, Dictionary<string, string>> rebuilt;
        if (command.CheckOnly)
        {
            rebuilt = InMemory(events);
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            rebuilt["search"] = await SearchIndexCheck.Rebuilt(connection, events, cancellationToken);
        }
        else
        {
            await RebuildStored(command.Progress, cancellationToken);
            rebuilt = await Snapshot(cancellationToken);
        }

        command.Progress?.Report(new ReplayProgress("compare", 0, 1));
        var differences = Compare(live, rebuilt);
        command.Progress?.Report(new ReplayProgress("compare", 1, 1));
        return new ReplayReport(events.Count, live.ToDictionary(kv => kv.Key, kv => kv.Value.Count), differences);
    }

    private async Task<IReadOnlyList<IEvent>> ReadAll(IProgress<ReplayProgress>? progress, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var total = await session.Events.QueryAllRawEvents().CountAsync(cancellationToken);
        var events = new List<IEvent>(total);
        long after = 0;
        while (true)
        {
            var page = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence).Take(5000).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return events;
            }

            events.AddRange(page);
            after = page[^1].Sequence;
            progress?.Report(new ReplayProgress("read events", events.Count, total));
        }
    }

    private Task RebuildStored(IProgress<ReplayProgress>? progress, CancellationToken cancellationToken) =>
        Storage.ReadModelRebuild.All(store, progress is null ? null : new RebuildSteps(progress), cancellationToken);

    private sealed class RebuildSteps(IProgress<ReplayProgress> replay) : IProgress<Storage.RebuildProgress>
    {
        public void Report(Storage.RebuildProgress value) =>
            replay.Report(new ReplayProgress($"rebuild ({value.EventsPerSecond:N0} events/s)", value.Done, value.Total));
    }

    private static Dictionary<string, Dictionary<string, string>> InMemory(IReadOnlyList<IEvent> events)
    {
        var byStream = events.GroupBy(e => e.StreamId).ToArray();
        var relationships = LedgerReplay.Relationships(events);
        return new()
        {
            ["interactions"] = Keyed(byStream.Select(s => LedgerReplay.Interaction(s)).OfType<InteractionRecord>(), d => d.Id.ToString()),
            ["pledges"] = Keyed(byStream.Select(s => LedgerReplay.Pledge(s)).OfType<PledgeRegister>(), d => d.Id.ToString()),
            ["followups"] = Keyed(LedgerReplay.FollowUps(events), d => d.Id.ToString()),
            ["relationships"] = Keyed(relationships.Ledgers.Values, d => d.Id),
            ["relationship rows"] = Keyed(relationships.Rows.Values.OfType<RelationshipRow>().Concat(relationships.Earlier), d => d.Id),
            ["relationship checkpoints"] = Keyed(relationships.Checkpoints, d => d.Id),
        };
    }

    private async Task<Dictionary<string, Dictionary<string, string>>> Snapshot(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return new()
        {
            ["interactions"] = Keyed(await session.Query<InteractionRecord>().ToListAsync(cancellationToken), d => d.Id.ToString()),
            ["pledges"] = Keyed(await session.Query<PledgeRegister>().ToListAsync(cancellationToken), d => d.Id.ToString()),
            ["followups"] = Keyed(await session.Query<FollowUpItem>().ToListAsync(cancellationToken), d => d.Id.ToString()),
            ["relationships"] = Keyed(await session.Query<RelationshipLedger>().ToListAsync(cancellationToken), d => d.Id),
            ["relationship rows"] = Keyed(await RelationshipRows(session, cancellationToken), d => d.Id),
            ["relationship checkpoints"] = Keyed(await session.Query<RelationshipCheckpoint>().ToListAsync(cancellationToken), d => d.Id),
            ["search"] = await SearchIndexCheck.Rows(await OpenConnection(session, cancellationToken), cancellationToken),
        };
    }

    private static async Task<IReadOnlyList<RelationshipRow>> RelationshipRows(IQuerySession session, CancellationToken cancellationToken) =>
        [.. await session.Query<ContactRow>().ToListAsync(cancellationToken),
            .. await session.Query<PledgeRow>().ToListAsync(cancellationToken),
            .. await session.Query<FollowUpRow>().ToListAsync(cancellationToken)];

    private static async Task<Npgsql.NpgsqlConnection> OpenConnection(IQuerySession session, CancellationToken cancellationToken)
    {
        var connection = session.Connection!;
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        return connection;
    }

    private static Dictionary<string, string> Keyed<T>(IEnumerable<T> documents, Func<T, string> key) =>
        documents.ToDictionary(key, d => CanonicalJson.Of<object?>(d), StringComparer.Ordinal);

    private static string FirstDifference(string live, string rebuilt)
    {
        var at = live.Zip(rebuilt).TakeWhile(pair => pair.First == pair.Second).Count();
        var from = Math.Max(0, at - 40);
        return $"at character {at}: live …{live[from..Math.Min(live.Length, at + 40)]}… rebuilt …{rebuilt[from..Math.Min(rebuilt.Length, at + 40)]}…";
    }

    private static List<string> Compare(Dictionary<string, Dictionary<string, string>> live, Dictionary<string, Dictionary<string, string>> rebuilt)
    {
        var differences = new List<string>();
        foreach (var (kind, documents) in live)
        {
            var other = rebuilt[kind];
            differences.AddRange(documents.Keys.Except(other.Keys).Select(id => $"{kind} {id}: live but not rebuilt"));
            differences.AddRange(other.Keys.Except(documents.Keys).Select(id => $"{kind} {id}: rebuilt but not live"));
            differences.AddRange(documents.Where(d => other.TryGetValue(d.Key, out var json) && json != d.Value)
                .Select(d => $"{kind} {d.Key}: differs {FirstDifference(d.Value, other[d.Key])}"));
        }

        return differences;
    }
}
