using System.Collections.Concurrent;
using System.Diagnostics;
using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Storage;
using CommsLedger.Integrity.Verifying;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CommsLedger.Application.Tests.Topology;

/// <summary>kill -9 of the primary under a write load, with synchronous replication: the standby is promoted, the
/// writers (one multi-host connection string) find it by themselves, and every acknowledged write is on it.</summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    private const int Writers = 4;
    private const int WritesBeforeKill = 20;
    private const int WritesAfterRecovery = 10;
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task after_kill_9_and_promotion_writes_resume_and_no_acknowledged_write_is_lost()
    {
        await using var replicated = await ReplicatedCluster.StartAsync("ledger");
        var writers = replicated.MultiHost("primary") + ";Host Recheck Seconds=1;Timeout=3";
        await using var services = new ServiceCollection().AddLedger(writers).BuildServiceProvider();
        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var key = LedgerKey.Generate();
        var load = new WriteLoad(services);
        await load.WarmUpAsync();
        await replicated.MakeSynchronousAsync();

        using var stop = new CancellationTokenSource();
        var writing = Enumerable.Range(0, Writers).Select(_ => load.RunAsync(stop.Token)).ToArray();
        await load.UntilAcknowledgedAsync(WritesBeforeKill / 2, RecoveryBound);
        await IntegrateAsync(writers, key);
        await load.UntilAcknowledgedAsync(WritesBeforeKill, RecoveryBound);
        var ackedBeforeKill = load.Acknowledged.Count;
        var killedAt = Stopwatch.GetTimestamp();
        replicated.KillPrimary();
        await replicated.Standby.PromoteAsync();
        var promotedAfter = Stopwatch.GetElapsedTime(killedAt);
        var firstWriteAfter = await load.FirstSuccessAfterAsync(killedAt, RecoveryBound);
        await load.UntilAcknowledgedAsync(ackedBeforeKill + WritesAfterRecovery, RecoveryBound);
        await stop.CancelAsync();
        await Task.WhenAll(writing);

        var present = await PresentAsync(replicated.Standby.ConnectionString, [.. load.Acknowledged]);
        var report = await IntegrateAndVerifyAsync(replicated.Standby.ConnectionString, key);
        var summary = $"failover: {ackedBeforeKill} writes acknowledged before the kill, {load.Acknowledged.Count} in all, {load.Failures} failed attempts; "
                         + $"promoted {promotedAfter.TotalMilliseconds:F0} ms after the kill, first write sent after the kill acknowledged {firstWriteAfter.TotalMilliseconds:F0} ms after it; "
                      + $"{present} acknowledged interactions present, verify: {report.Divergences.Count} divergences, {report.PendingEvents} pending";
        output.WriteLine(summary);

        Assert.True(load.Acknowledged.Count == present, summary);
        Assert.True(report.Divergences.Count == 0, string.Join("; ", report.Divergences.Select(divergence => divergence.ToString())));
        Assert.True(report.PendingEvents == 0, summary);
        Assert.NotNull(report.LatestCheckpoint);
    }

    private static async Task IntegrateAsync(string connectionString, LedgerKey key)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await LogTables.EnsureAsync(dataSource, LedgerSchema.Default, CancellationToken.None);
        var integrator = new MerkleIntegrator(dataSource, key, new IntegratorOptions { GapGrace = TimeSpan.Zero });
        // Appends cut off by the kill leave holes in the sequence; each is crossed once known to be permanent.
        for (var round = 0; (await integrator.CatchUpAsync()).WaitingForSequence is not null && round < 50; round++)
        {
            await Task.Delay(100);
        }

        await integrator.CheckpointNowAsync();
    }

    private static async Task<VerifyReport> IntegrateAndVerifyAsync(string connectionString, LedgerKey key)
    {
        await IntegrateAsync(connectionString, key);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await new LedgerVerifier(dataSource, LedgerSchema.Default, key.PublicKey).VerifyAsync();
    }

    /// <summary>How many of the acknowledged interactions have their first event in <c>mt_events</c>.</summary>
    private static async Task<long> PresentAsync(string connectionString, Guid[] acknowledged)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(DISTINCT stream_id) FROM commsledger.mt_events WHERE stream_id = ANY($1)", connection)
        {
            Parameters = { new NpgsqlParameter { Value = acknowledged } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Writers that log the seed call again and again, counting what was acknowledged and retrying what failed.</summary>
    private sealed class WriteLoad(IServiceProvider services)
    {
        private int _failures;

        public ConcurrentBag<Guid> Acknowledged { get; } = [];

        /// <summary>When each acknowledged write was sent, and when it was acknowledged.</summary>
        public ConcurrentQueue<(long Sent, long Acknowledged)> AcknowledgedAt { get; } = new();

        public int Failures => _failures;

        public async Task RunAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var startedAt = Stopwatch.GetTimestamp();
                    Acknowledged.Add(await LogAsync());
                    AcknowledgedAt.Enqueue((startedAt, Stopwatch.GetTimestamp()));
                }
                catch (Exception)
                {
                    // Not acknowledged: the writer does not know whether it committed, so the test does not count it.
                    Interlocked.Increment(ref _failures);
                    await Task.Delay(100, CancellationToken.None);
                }
            }
        }

        public async Task UntilAcknowledgedAsync(int count, TimeSpan bound)
        {
            var waited = Stopwatch.StartNew();
            while (Acknowledged.Count < count)
            {
                if (waited.Elapsed > bound)
                {
                    throw new TimeoutException($"{Acknowledged.Count} writes acknowledged, not {count}, within {bound} ({Failures} failed attempts)");
                }

                await Task.Delay(20);
            }
        }

        /// <summary>The first write compiles Marten's and the mediator's code: done before the clock matters.</summary>
        public Task WarmUpAsync() => LogAsync();

        public async Task<TimeSpan> FirstSuccessAfterAsync(long since, TimeSpan bound)
        {
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < bound)
            {
                if (AcknowledgedAt.Where(write => write.Sent > since).Select(write => write.Acknowledged).DefaultIfEmpty().Min() is var first && first > 0)
                {
                    return Stopwatch.GetElapsedTime(since, first);
                }

                await Task.Delay(20);
            }

            throw new TimeoutException($"no write was acknowledged within {bound} of the kill");
        }

        private async Task<Guid> LogAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var actor = scope.ServiceProvider.GetRequiredService<Actor>();
            actor.Clearance = Classification.TopSecret;
            actor.Roles = new HashSet<LedgerRole> { LedgerRole.Recorder };
            return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogInteraction(SeedCall.Draft() with { Source = null }))).Id;
        }
    }
}
