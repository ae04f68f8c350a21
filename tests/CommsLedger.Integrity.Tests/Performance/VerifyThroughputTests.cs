using System.Diagnostics;
using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Tests.Fixtures;
using Xunit.Abstractions;

namespace CommsLedger.Integrity.Tests.Performance;

[Collection(PostgresCollection.Name)]
public sealed class VerifyThroughputTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const int _eventsPerSession = 1000;

    [PerformanceFact]
    public async Task verify_reads_at_least_seven_tenths_as_fast_as_a_raw_sequential_read()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(VerifyThroughputTests));
        var events = PerformanceFactAttribute.Events;
        var clock = Stopwatch.StartNew();
        await AppendAsync(ledger, events);
        output.WriteLine($"appended {events} events in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        await ledger.Integrator(new IntegratorOptions { CheckpointEveryEvents = 10_000 }).CheckpointNowAsync();
        output.WriteLine($"integrated in {clock.Elapsed.TotalSeconds:F1} s ({events / clock.Elapsed.TotalSeconds:F0} events/s)");
        await WarmUpAsync(ledger);

        var (raw, verify) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
        var (rawCpu, verifyCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        for (var round = 0; round < 5; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            raw = Min(raw, await TimeAsync(() => RawReadAsync(ledger)));
            rawCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            verify = Min(verify, await TimeAsync(async () =>
            {
                var report = await ledger.Verifier().VerifyAsync();
                Assert.True(report.IsIntact);
                Assert.Equal(events, report.TreeSize);
            }));
            verifyCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
        }

        output.WriteLine($"client CPU per run: raw {rawCpu.TotalSeconds / 5:F2} s, verify {verifyCpu.TotalSeconds / 5:F2} s");

        var ratio = raw.TotalSeconds / verify.TotalSeconds;
        output.WriteLine($"raw read: {raw.TotalSeconds:F2} s ({events / raw.TotalSeconds:F0} events/s)");
        output.WriteLine($"verify:   {verify.TotalSeconds:F2} s ({events / verify.TotalSeconds:F0} events/s)");
        output.WriteLine($"verify / raw throughput: {ratio:F2}");
        Assert.True(ratio >= 0.7, $"verify ran at {ratio:F2} of a raw read");
    }

    private static async Task AppendAsync(TestLedger ledger, int events)
    {
        var streams = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();
        for (var done = 0; done < events; done += _eventsPerSession)
        {
            await using var session = ledger.AppStore.LightweightSession();
            session.LastModifiedBy = "load.test";
            session.SetHeader("classification", "CONFIDENTIAL");
            for (var i = done; i < Math.Min(events, done + _eventsPerSession); i++)
            {
                session.Events.Append(streams[i % streams.Length], new InteractionLogged(
                    Guid.NewGuid(),
                    $"Call {i}: the foreign ministers discussed vaccine trials, investment and the anniversary of diplomatic ties, and agreed to follow up within the month.",
                    ["CN", "PE"]));
            }

            await session.SaveChangesAsync();
        }
    }

    /// <summary>What PostgreSQL can stream: every column verify needs, read and dropped, in sequence order.</summary>
    private static async Task RawReadAsync(TestLedger ledger)
    {
        await using var command = ledger.App.CreateCommand($"""
            SELECT seq_id, id, stream_id, version, type, timestamp, user_name, headers ->> 'classification', data, bdata
            FROM {ledger.Schema.Events} ORDER BY seq_id
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
            _ = reader.IsDBNull(9) ? null : reader.GetFieldValue<byte[]>(9);
        }
    }

    private static async Task WarmUpAsync(TestLedger ledger)
    {
        await RawReadAsync(ledger);
        await ledger.ScalarAsync<long>($"SELECT count(*) FROM {ledger.Schema.Leaves}");
    }

    /// <summary>Runs are interleaved and the best of each kept, so load from elsewhere on the machine hurts both alike.</summary>
    private static async Task<TimeSpan> TimeAsync(Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        return clock.Elapsed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
