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

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Standby.DisposeAsync();
        await Primary.DisposeAsync();
    }
}
