using Marten;
using Npgsql;

namespace CommsLedger.Application.Reports.Scheduling;

/// <summary>The job store of the report scheduler, in the ledger's database: a session advisory lock per job, so two
/// schedulers (on two machines) never run one job at the same time and a crashed one frees it with its connection;
/// and a <see cref="ReportRun"/> per occurrence, checked under the lock, so an occurrence already run by one is not
/// run again by the other.</summary>
public static class ReportRuns
{
    public static void Register(StoreOptions options) =>
        options.Schema.For<ReportRun>().Index(r => r.Job);

    /// <summary>The job's lock, or null when another scheduler holds it. Disposing releases it.</summary>
    public static async Task<IAsyncDisposable?> TryLock(IDocumentStore store, string job, CancellationToken cancellationToken)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock(hashtextextended('commsledger:report-job:' || $1, 0))", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = job });
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            return new JobLock(connection, job);
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>The highest event sequence in the ledger (0 when empty).</summary>
    public static async Task<long> HighWater(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {Storage.LedgerStore.Schema}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task<ReportRun?> Find(IDocumentStore store, string id, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ReportRun>(id, cancellationToken);
    }

    /// <summary>The job's latest run that wrote a file.</summary>
    public static async Task<ReportRun?> LastWritten(IDocumentStore store, string job, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<ReportRun>()
            .Where(r => r.Job == job && r.Outcome == ReportRunOutcome.Written)
            .OrderByDescending(r => r.Occurrence)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<ReportRun>> Of(IDocumentStore store, string job, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<ReportRun>().Where(r => r.Job == job).OrderBy(r => r.Occurrence).ToListAsync(cancellationToken);
    }

    public static async Task Save(IDocumentStore store, ReportRun run, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(run);
        await session.SaveChangesAsync(cancellationToken);
    }

    private sealed class JobLock(NpgsqlConnection connection, string job) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var command = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended('commsledger:report-job:' || $1, 0))", connection))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = job });
                await command.ExecuteScalarAsync(CancellationToken.None);
            }

            await connection.DisposeAsync();
        }
    }
}
