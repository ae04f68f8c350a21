using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Topology;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommsLedger.Application.Tests.Topology;

/// <summary>PostgreSQL's own streaming replication, started by the test (a primary and a <c>pg_basebackup -R</c>
/// standby on 127.0.0.1): multi-host connection strings, read-your-writes by position, promotion.</summary>
public sealed class ReplicaTests
{
    [Fact]
    public async Task a_read_on_the_standby_that_carries_the_writes_position_sees_the_write()
    {
        await using var replicated = await ReplicatedCluster.StartAsync("ledger");
        await using var primary = new ServiceCollection().AddLedger(replicated.Primary.ConnectionString).BuildServiceProvider();
        await primary.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var recorded = await LogSeedCall(primary);
        var position = await new LedgerPositions(replicated.Primary.ConnectionString, TimeProvider.System).CurrentAsync(CancellationToken.None);

        var caughtUp = await new LedgerPositions(replicated.MultiHost("standby"), TimeProvider.System)
            .WaitForAsync(LedgerPositions.Parse(position, LedgerPositions.QueryParameter), CancellationToken.None);
        await using var standby = new ServiceCollection().AddLedger(replicated.MultiHost("standby"), manageSchema: false).BuildServiceProvider();
        await using var session = standby.GetRequiredService<IDocumentStore>().QuerySession();
        var read = await session.LoadAsync<InteractionRecord>(recorded);

        Assert.True(caughtUp);
        Assert.NotNull(read);
        Assert.True(await InRecovery(replicated.MultiHost("standby")));
        Assert.False(await InRecovery(replicated.MultiHost("primary")));
    }

    [Fact]
    public async Task a_position_not_yet_replayed_is_refused_after_the_bound_and_a_promoted_standby_takes_writes()
    {
        await using var replicated = await ReplicatedCluster.StartAsync("ledger");
        var ahead = LedgerPositions.Parse("FFFF/0", LedgerPositions.QueryParameter);

        var onStandby = await new LedgerPositions(replicated.Standby.ConnectionString, TimeProvider.System).WaitForAsync(ahead, CancellationToken.None);
        var onPrimary = await new LedgerPositions(replicated.Primary.ConnectionString, TimeProvider.System).WaitForAsync(ahead, CancellationToken.None);
        var badInput = Assert.Throws<CommandRejected>(() => LedgerPositions.Parse("yesterday", LedgerPositions.QueryParameter));
        await replicated.Standby.PromoteAsync();
        await Execute(replicated.Standby.ConnectionString, "create table after_promotion (id int); insert into after_promotion values (1)");

        Assert.False(onStandby);
        Assert.True(onPrimary);
        Assert.Equal("after", badInput.Errors.Single().Field);
        Assert.False(await InRecovery(replicated.Standby.ConnectionString));
    }

    private static async Task<Guid> LogSeedCall(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.Clearance = Classification.TopSecret;
        actor.Roles = new HashSet<LedgerRole> { LedgerRole.Recorder };
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogInteraction(SeedCall.Draft()))).Id;
    }

    private static async Task<bool> InRecovery(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select pg_is_in_recovery()", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
