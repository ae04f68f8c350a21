using System.Diagnostics;
using CommsLedger.Domain.Interactions;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Storage;
using CommsLedger.Integrity.Verifying;
using Marten;
using Npgsql;

namespace CommsLedger.Benchmarks;

/// <summary>
/// Tamper-evidence costs: <c>verify</c> against a raw sequential read of the same event columns (best of 3
/// interleaved rounds), and appends with the background integrator running against appends without it.
/// </summary>
public static class IntegrityScenario
{
    private const int _callsPerSession = 10;

    public static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings)
    {
        var connection = await cluster.CreateDatabaseAsync("bench_integrity");
        await using var store = LedgerHost.StoreWithoutProjections(connection);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connection);
        using var key = LedgerKey.Generate();
        var schema = LedgerSchema.Default;
        await using (var create = dataSource.CreateCommand(schema.CreateTablesSql()))
        {
            await create.ExecuteNonQueryAsync();
        }

        var seeded = 0L;
        var call = 0;
        while (seeded < settings.IntegrityEvents)
        {
            seeded += await AppendSession(store, call);
            call += _callsPerSession;
        }

        var integrator = new MerkleIntegrator(dataSource, key, new IntegratorOptions { Schema = schema });
        var clock = Stopwatch.StartNew();
        await integrator.CatchUpAsync();
        await integrator.CheckpointNowAsync();
        var integrateSeconds = clock.Elapsed.TotalSeconds;

        var publicKey = LedgerPublicKey.FromPem(key.ExportPublicKeyPem());
        var (raw, verify) = (double.MaxValue, double.MaxValue);
        for (var round = 0; round < 3; round++)
        {
            raw = Math.Min(raw, await Time(() => RawRead(dataSource, schema)));
            verify = Math.Min(verify, await Time(async () =>
            {
                var report = await new LedgerVerifier(dataSource, schema, publicKey).VerifyAsync();
                if (!report.IsIntact)
                {
                    throw new InvalidOperationException("the benchmark ledger did not verify: " + report.FirstDivergence);
                }
            }));
        }

        var (alone, withIntegrator) = await Appends(store, dataSource, key, schema, settings.Commands, call);
        var table = new MarkdownTable("measure", "value", "ratio");
        table.Row($"raw sequential read of {seeded:N0} events", $"{raw:N2} s ({seeded / raw:N0} events/s)", "1.00×");
        table.Row("verify (recompute every leaf and root, check every checkpoint)", $"{verify:N2} s ({seeded / verify:N0} events/s)", $"{raw / verify:N2}× of raw");
        table.Row("integrate from empty + sign", $"{integrateSeconds:N2} s ({seeded / integrateSeconds:N0} events/s)", "");
        table.Row("appends, no integrator", $"{alone:N0} events/s", "1.00×");
        table.Row("appends, integrator running", $"{withIntegrator:N0} events/s", $"{withIntegrator / alone:N2}×");
        return $"integrity: {seeded:N0} events; appends measured over {settings.Commands} sessions of {_callsPerSession} calls each, alternating\n" + table;
    }

    /// <summary>Alternates blocks of appends with and without a running integrator, so load elsewhere hits both alike.</summary>
    private static async Task<(double Alone, double WithIntegrator)> Appends(IDocumentStore store, NpgsqlDataSource dataSource, LedgerKey key, LedgerSchema schema, int sessions, int firstCall)
    {
        var (aloneEvents, aloneSeconds, withEvents, withSeconds) = (0L, 0.0, 0L, 0.0);
        var call = firstCall;
        for (var block = 0; block < 6; block++)
        {
            using var stop = new CancellationTokenSource();
            var running = block % 2 == 1
                ? new MerkleIntegrator(dataSource, key, new IntegratorOptions { Schema = schema }).RunAsync(null, stop.Token)
                : Task.CompletedTask;
            var clock = Stopwatch.StartNew();
            long events = 0;
            for (var i = 0; i < Math.Max(1, sessions / 6); i++)
            {
                events += await AppendSession(store, call);
                call += _callsPerSession;
            }

            if (block % 2 == 1)
            {
                (withEvents, withSeconds) = (withEvents + events, withSeconds + clock.Elapsed.TotalSeconds);
                await stop.CancelAsync();
                try
                {
                    await running;
                }
                catch (OperationCanceledException)
                {
                    // stopping the integrator is how the block ends
                }
            }
            else
            {
                (aloneEvents, aloneSeconds) = (aloneEvents + events, aloneSeconds + clock.Elapsed.TotalSeconds);
            }
        }

        return (aloneEvents / aloneSeconds, withEvents / withSeconds);
    }

    private static async Task<long> AppendSession(IDocumentStore store, int firstCall)
    {
        await using var session = store.LightweightSession();
        long events = 0;
        for (var i = firstCall; i < firstCall + _callsPerSession; i++)
        {
            var change = InteractionDecisions.Log(Drafts.Interaction(i, 8, 0, 0), Guid.NewGuid(), Guid.NewGuid, Drafts.Today);
            session.Events.StartStream<Interaction>(change.EntryId!.Value, change.Events);
            events += change.Events.Count;
        }

        await session.SaveChangesAsync();
        return events;
    }

    private static async Task RawRead(NpgsqlDataSource dataSource, LedgerSchema schema)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT seq_id, id, stream_id, version, type, timestamp, user_name, headers ->> 'classification', data
            FROM {schema.Events} ORDER BY seq_id
            """);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess);
        while (await reader.ReadAsync())
        {
            _ = reader.GetInt64(0);
            _ = reader.GetGuid(1);
            _ = reader.GetGuid(2);
            _ = reader.GetInt64(3);
            _ = reader.GetString(4);
            _ = reader.GetFieldValue<DateTime>(5);
            _ = reader.IsDBNull(6) ? null : reader.GetString(6);
            _ = reader.IsDBNull(7) ? null : reader.GetString(7);
            _ = reader.GetString(8);
        }
    }

    private static async Task<double> Time(Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        return clock.Elapsed.TotalSeconds;
    }
}
