using CommsLedger.EmbeddedPostgres;
using Npgsql;

namespace CommsLedger.Tests.Shared;

/// <summary>A throw-away primary and a streaming standby of it (<c>pg_basebackup -R</c>) on 127.0.0.1, from the
/// machine's PostgreSQL binaries, through the same launcher users get. Both folders are deleted on dispose.</summary>
public sealed class ReplicatedCluster : IAsyncDisposable
{
    private ReplicatedCluster(EmbeddedCluster primary, EmbeddedCluster standby)
    {
        Primary = primary;
        Standby = standby;
    }

    public EmbeddedCluster Primary { get; }

    public EmbeddedCluster Standby { get; }

    /// <param name="database">Created on the primary before the copy, so the standby has it too.</param>
    public static async Task<ReplicatedCluster> StartAsync(string database = "commsledger")
    {
        var primary = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.ThrowAway() with { Database = database });
        try
        {
            var standby = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.ThrowAway() with { Database = database, StandbyOf = primary });
            return new ReplicatedCluster(primary, standby);
        }
        catch
        {
            await primary.DisposeAsync();
            throw;
        }
    }

    /// <summary>One connection string naming both servers, as a deployment gives it; Npgsql picks by
    /// <paramref name="targetSessionAttributes"/> (primary, standby, prefer-standby, read-write, any).</summary>
    public string MultiHost(string targetSessionAttributes)
    {
        var primary = new NpgsqlConnectionStringBuilder(Primary.ConnectionString);
        return new NpgsqlConnectionStringBuilder(Primary.ConnectionString)
        {
            Host = $"127.0.0.1:{primary.Port},127.0.0.1:{Standby.Port}",
            Port = 5432,
            TargetSessionAttributes = targetSessionAttributes,
        }.ConnectionString;
    }

    /// <summary>From now on a commit on the primary returns only once the standby has it
    /// (<c>synchronous_standby_names = '*'</c>, <c>synchronous_commit = on</c>): no acknowledged write is lost with the primary.</summary>
    public async Task MakeSynchronousAsync()
    {
        await using var connection = new NpgsqlConnection(Primary.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "ALTER SYSTEM SET synchronous_standby_names = '*'", "ALTER SYSTEM SET synchronous_commit = 'on'", "SELECT pg_reload_conf()" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var check = new NpgsqlCommand("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'", connection);
        for (var tries = 0; (long)(await check.ExecuteScalarAsync())! == 0; tries++)
        {
            if (tries > 100)
            {
                throw new InvalidOperationException("the standby did not become synchronous");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>What a crashed machine does to the primary: SIGKILL to the postmaster and every process it started.</summary>
    public void KillPrimary()
    {
        var postmaster = Primary.PostmasterPid ?? throw new InvalidOperationException("the primary was not started by this fixture");
        _primaryKilled = true;
        var children = Directory.EnumerateDirectories("/proc")
            .Select(folder => int.TryParse(Path.GetFileName(folder), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == postmaster)
            .ToList();
        foreach (var pid in children.Prepend(postmaster))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
                // already gone
            }
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private bool _primaryKilled;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Standby.DisposeAsync();
        try
        {
            await Primary.DisposeAsync();
        }
        catch (InvalidOperationException) when (_primaryKilled)
        {
            // Its postmaster was killed on purpose, so there is nothing to stop; pg_ctl, finding the stale pid file
            // (or that pid reused by another process), reports it "does not shut down". Only its folder is left.
            Directory.Delete(Primary.DataDirectory, recursive: true);
        }
    }
}
