using System.Diagnostics;
using CommsLedger.Api.Hosting;
using CommsLedger.Api.Integrity;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Integrity.Checkpoints;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommsLedger.Api.Tests.Topology;

/// <summary>Two API nodes on one ledger, both holding the ledger key: one integrates; when it stops, the other
/// integrates what is recorded next, within seconds.</summary>
[Collection(PostgresCollection.Name)]
public sealed class IntegratorLeaderTests(PostgresCluster postgres, Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private readonly string _folder = Directory.CreateTempSubdirectory("commsledger-key").FullName;

    [Fact]
    public async Task stopping_the_integrating_node_moves_integration_to_the_other()
    {
        var keyFile = Path.Combine(_folder, "ledger-key.pem");
        using (var key = LedgerKey.Generate())
        {
            key.Save(keyFile);
        }

        var settings = new Dictionary<string, string?> { [IntegratorNode.Setting] = keyFile };
        await using var first = await ApiHost.StartAsync(postgres, settings);
        await using var second = await ApiHost.StartOnAsync(first.ConnectionString, settings);
        await first.Send(new LogInteraction(SeedCall.Draft() with { Source = null }));
        await UntilIntegrated(first);

        var (leader, follower) = Leads(first) ? (first, second) : (second, first);
        var bothLed = Leads(first) && Leads(second);
        var clock = Stopwatch.StartNew();
        await leader.DisposeAsync();
        await follower.Send(new LogInteraction(SeedCall.Draft() with { Source = null }));
        await UntilIntegrated(follower);
        var movedAfter = clock.Elapsed;

        output.WriteLine($"leader node stopped → next event in the log on the other node: {movedAfter.TotalMilliseconds:F0} ms");
        Assert.False(bothLed);
        Assert.True(Leads(follower));
        Assert.Equal(await follower.EventCount(), await LeafCount(follower));
        Assert.InRange(movedAfter, TimeSpan.Zero, Bound);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static bool Leads(ApiHost host) =>
        host.Services.GetRequiredService<LeaderLeases>().Leading.GetValueOrDefault(IntegratorNode.LeaseName);

    private static async Task UntilIntegrated(ApiHost host)
    {
        var giveUp = Stopwatch.StartNew();
        while (await LeafCount(host) < await host.EventCount())
        {
            Assert.True(giveUp.Elapsed < Bound, "the log did not catch up with the events in time");
            await Task.Delay(100);
        }
    }

    private static async Task<long> LeafCount(ApiHost host)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from commsledger.ledger_leaves", connection);
        try
        {
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }
}
