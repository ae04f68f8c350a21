using System.Globalization;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Reliability.Support;
using Xunit.Abstractions;

namespace CommsLedger.Reliability.Crash;

/// <summary>
/// kill -9 under load — of the PostgreSQL postmaster, and separately of the API's own process — then a restart. Every
/// acknowledged write is in the ledger exactly once, no write is half there, <c>replay --check</c> is clean, and
/// <c>integrate</c> then <c>verify</c> find the ledger intact.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashTests(PostgresCluster postgres, ITestOutputHelper output)
{
    private static readonly SuiteSize Size = SuiteSize.Current;

    [Fact]
    public async Task killing_the_postmaster_under_load_loses_no_acknowledged_write()
    {
        await using var database = await DedicatedCluster.StartAsync();
        await Durable(database.Cluster.ConnectionString);
        await using var api = await ApiHost.StartAsync(database.Cluster);
        var clients = Enumerable.Range(0, Size.CrashWriters).Select(_ => api.Client(ApiHost.Recorder)).ToArray();
        var journal = new WriteJournal();
        var writers = clients.Select((client, i) => new CrashWriter($"pg{i}", () => client, journal)).ToArray();

        await UnderLoad(writers, journal, async () =>
        {
            await database.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await database.RestartAsync();
        });

        await Judge(journal, writers, api.ConnectionString, "postmaster");
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task killing_the_api_process_under_load_loses_no_acknowledged_write()
    {
        string connectionString, key;
        await using (var setUp = await ApiHost.StartAsync(postgres))
        {
            (connectionString, key) = (setUp.ConnectionString, setUp.KeyOf(ApiHost.Recorder));
        }

        await using var api = await ApiProcess.StartAsync(connectionString);
        using var client = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var journal = new WriteJournal();
        var writers = Enumerable.Range(0, Size.CrashWriters).Select(i => new CrashWriter($"api{i}", () => client, journal)).ToArray();

        await UnderLoad(writers, journal, async () =>
        {
            await api.KillAsync();
            await api.RestartAsync();
        });

        output.WriteLine("the restarted API's last lines:\n" + api.LastLines);
        await Judge(journal, writers, connectionString, "API process");
    }

    /// <summary>Writers run for <see cref="SuiteSize.CrashLoad"/> at least; the kill falls once a third of it has passed
    /// and writes are being acknowledged, and the load goes on until writes are acknowledged again after the restart.</summary>
    private static async Task UnderLoad(IReadOnlyList<CrashWriter> writers, WriteJournal journal, Func<Task> killAndRestart)
    {
        var started = DateTime.UtcNow;
        using var stop = new CancellationTokenSource();
        var giveUpAt = started + Size.CrashLoad + TimeSpan.FromMinutes(3);
        var load = writers.Select(w => Task.Run(() => w.Run(stop.Token, giveUpAt))).ToArray();
        await Acknowledged(journal, 2 * writers.Count, started + (Size.CrashLoad / 3));
        await killAndRestart();
        await Acknowledged(journal, Count(journal) + (2 * writers.Count), started + Size.CrashLoad);
        await stop.CancelAsync();
        await Task.WhenAll(load);
    }

    /// <summary>A throw-away cluster trades durability for speed (synchronous_commit off: a commit is acknowledged before
    /// its WAL is written, so kill -9 loses it — the first run of this test showed exactly that). A ledger's server
    /// commits synchronously; so does this one, from here on and across the restart (ALTER SYSTEM outlives it). fsync
    /// stays off: a killed process leaves what it wrote in the operating system's cache; only a power cut would not.</summary>
    private static async Task Durable(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var alter = new Npgsql.NpgsqlCommand("ALTER SYSTEM SET synchronous_commit = on", connection))
        {
            await alter.ExecuteNonQueryAsync();
        }

        await using var reload = new Npgsql.NpgsqlCommand("SELECT pg_reload_conf()", connection);
        await reload.ExecuteNonQueryAsync();
    }

    private static async Task Acknowledged(WriteJournal journal, int count, DateTime notBefore)
    {
        var giveUpAt = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while ((Count(journal) < count || DateTime.UtcNow < notBefore) && DateTime.UtcNow < giveUpAt)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static int Count(WriteJournal journal) => journal.Attempts.Count(a => a.Acknowledged);

    private async Task Judge(WriteJournal journal, IEnumerable<CrashWriter> writers, string connectionString, string killed)
    {
        var check = await journal.CheckAgainst(connectionString, a => a.Status is 0 or 503);
        var faults = writers.Sum(w => w.Faults);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kill -9 of the {killed} ({Size.Name}): {Size.CrashWriters} writers, at least {Size.CrashLoad.TotalSeconds:0} s; {faults} requests failed by the kill and were retried; {check}"));
        Assert.True(check.Problems.Count == 0, check.ToString());
        Assert.True(faults > 0, "the kill fell outside the load: no write met it");
        Assert.Equal(0, check.InDoubt);
        Assert.DoesNotContain(journal.Attempts, a => !a.Acknowledged);
        using var cli = new CommandLine(connectionString);
        output.WriteLine(await cli.ReplayIntegrateAndVerify());
    }
}
