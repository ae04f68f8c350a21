using System.Net;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Topology;
using CommsLedger.Domain.Shared;
using Npgsql;

namespace CommsLedger.Api.Tests.Topology;

/// <summary>A node with standby reads on (one connection string naming the primary and a <c>pg_basebackup -R</c>
/// standby): writes go to the primary, reads to the standby, and a read that carries a write's position waits for
/// the standby to replay it. The standby's replay is paused to make the difference visible.</summary>
public sealed class StandbyReadsTests
{
    [Fact]
    public async Task reads_are_served_by_the_standby_and_a_read_carrying_a_writes_position_waits_for_it()
    {
        await using var replicated = await ReplicatedCluster.StartAsync("ledger");
        await using var node = await ApiHost.StartOnAsync(replicated.MultiHost("primary"), new Dictionary<string, string?> { [StandbyReads.Setting] = "standby" });
        await node.AddUser(ApiHost.Reviewer, Classification.TopSecret, LedgerRole.Reviewer);
        var positions = new LedgerPositions(replicated.Primary.ConnectionString, TimeProvider.System);
        var standby = new LedgerPositions(replicated.Standby.ConnectionString, TimeProvider.System);
        Assert.True(await standby.WaitForAsync(LedgerPositions.Parse(await positions.CurrentAsync(default), "after"), default));
        using var client = node.Client(ApiHost.Reviewer);

        await Execute(replicated.Standby.ConnectionString, "select pg_wal_replay_pause()");
        var recorded = await node.Send(new LogInteraction(SeedCall.Draft() with { Source = null }));
        var position = Uri.EscapeDataString(await positions.CurrentAsync(default));
        var stale = await client.GetAsync($"/interactions/{recorded.Id}");
        var waited = await client.GetAsync($"/interactions/{recorded.Id}?after={position}");
        await Execute(replicated.Standby.ConnectionString, "select pg_wal_replay_resume()");
        var fresh = await client.GetAsync($"/interactions/{recorded.Id}?after={position}");

        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Contains(recorded.Id.ToString(), await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
