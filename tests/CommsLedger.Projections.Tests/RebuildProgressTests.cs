using CommsLedger.Application.Storage;
using Marten;

namespace CommsLedger.Projections.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RebuildProgressTests(PostgresCluster postgres)
{
    [Fact]
    public async Task a_rebuild_refreshes_the_statistics_a_bulk_copy_left_without_and_reports_its_progress_in_events()
    {
        await using var store = LedgerStore.Create(await postgres.Cluster.CreateDatabaseAsync("progress" + Guid.NewGuid().ToString("N")[..8]));
        await History.Record(store);
        await using (var session = store.QuerySession())
        {
            // A fresh table PostgreSQL has never analysed: what a bulk COPY into an empty ledger leaves.
            await session.ExecuteAsync(new Npgsql.NpgsqlCommand("select pg_stat_reset()"), CancellationToken.None);
        }

        var reports = new List<RebuildProgress>();
        await ReadModelRebuild.All(store, new Recorded(reports), CancellationToken.None);

        await using var query = store.QuerySession();
        var events = (await query.AdvancedSql.QueryAsync<long>("select max(seq_id) from commsledger.mt_events", CancellationToken.None)).Single();
        var analysed = await query.AdvancedSql.QueryAsync<string>(
            "select relname from pg_stat_user_tables where schemaname = 'commsledger' and last_analyze is not null", CancellationToken.None);
        Assert.Contains("mt_events", analysed);
        Assert.Contains("mt_streams", analysed);
        Assert.Contains("mt_doc_interactionrecord", analysed);
        var last = reports[^1];
        Assert.Equal((events, events), (last.Done, last.Total));
        Assert.True(last.EventsPerSecond > 0);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.First.Done <= pair.Second.Done));
    }

    /// <summary>Synchronous, unlike <see cref="Progress{T}"/>, so every report is in the list when the rebuild returns.</summary>
    private sealed class Recorded(List<RebuildProgress> reports) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
