using System.Diagnostics;

namespace CommsLedger.EmbeddedPostgres.Tests;

public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task a_cluster_whose_server_was_killed_starts_again()
    {
        await using var folder = new ClusterFolder();
        await using var crashed = await EmbeddedCluster.StartAsync(folder.Options);
        await Sql.ExecuteAsync(crashed.ConnectionString, "create table survivor (id int)");

        await KillAndAwaitGoneAsync(folder.PostmasterPid());
        Assert.True(File.Exists(folder.PostmasterPidFile));

        await using var restarted = await EmbeddedCluster.StartAsync(folder.Options);

        Assert.Equal(1L, await Sql.ScalarAsync<long>(restarted.ConnectionString, "select count(*) from pg_tables where tablename = 'survivor'"));
    }

    // A killed process lingers as a zombie until init reaps it, which in some containers takes seconds;
    // PostgreSQL rightly treats a pid that still exists as a live postmaster.
    private static async Task KillAndAwaitGoneAsync(int pid)
    {
        using (var postmaster = Process.GetProcessById(pid))
        {
            postmaster.Kill();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (Directory.Exists($"/proc/{pid}"))
        {
            await Task.Delay(100, patience.Token);
        }
    }
}
