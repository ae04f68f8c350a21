using System.Diagnostics;
using CommsLedger.Cli.Tests.Recording;
using Npgsql;

namespace CommsLedger.Cli.Tests.Integrity;

/// <summary><c>integrate --follow</c> is the background integrator a deployment starts beside the first node, often
/// before anyone has recorded anything: on an empty ledger it keeps running, and signs over the first events when
/// they come.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FollowingIntegratorTests(PostgresCluster postgres)
{
    [Fact]
    public async Task on_an_empty_ledger_it_keeps_running_and_signs_over_the_first_events_recorded()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("follow" + Guid.NewGuid().ToString("N")[..10]);
        var folder = Directory.CreateTempSubdirectory("commsledger-follow-").FullName;
        var key = Path.Combine(folder, "ledger-key.pem");
        using var follower = IntegrityCli.Start(folder, database, key, "integrate", "--follow", "--checkpoint-every-events", "1", "--checkpoint-every-seconds", "1");
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            if (follower.HasExited)
            {
                Assert.Fail($"integrate --follow exited ({follower.ExitCode}) on an empty ledger: {await follower.StandardOutput.ReadToEndAsync()}{await follower.StandardError.ReadToEndAsync()}");
            }


            var log = await IntegrityCli.Run(folder, database, key, "log", "--file", RecordingLedger.SeedCallFile);
            Assert.True(log.ExitCode == 0, log.ToString());
            var events = (long)(await Scalar(database, "select count(*) from commsledger.mt_events"))!;
            var signed = await SignedTreeSize(database, until: size => size == events, TimeSpan.FromSeconds(60));

            Assert.True(events > 0);
            Assert.Equal(events, signed);
            Assert.False(follower.HasExited);
        }
        finally
        {
            follower.Kill(entireProcessTree: true);
            await follower.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The newest signed tree size once <paramref name="until"/> holds, or whatever it is when time runs out.</summary>
    private static async Task<long?> SignedTreeSize(string connectionString, Func<long?, bool> until, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        long? size = null;
        while (clock.Elapsed < within && !until(size))
        {
            await Task.Delay(250);
            size = await Scalar(connectionString, "select max(tree_size) from commsledger.ledger_checkpoints where to_regclass('commsledger.ledger_checkpoints') is not null") as long?;
        }

        return size;
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}
