using Medallion.Threading.Postgres;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommsLedger.Application.Topology;

/// <summary>
/// Work that must run once per ledger (the Merkle integrator, the report scheduler) runs on every node, but only the
/// node holding this lease does it. The lease is a PostgreSQL session-level advisory lock held on a connection of its
/// own: when the leader's process dies, its connection closes, PostgreSQL frees the lock, and a follower, which
/// tries again every <see cref="RetryEvery"/>, takes over. A leader whose connection is lost (a network cut, a
/// failover) stops its work at once and becomes a follower; the lock's keep-alive query notices within
/// <see cref="Keepalive"/>.
/// </summary>
public sealed class LeaderLease(string name, string connectionString, ILogger logger)
{
    private readonly PostgresDistributedLock _lock = new(
        new PostgresAdvisoryLockKey($"commsledger.leader.{name}", allowHashing: true),
        connectionString,
        options => options.KeepaliveCadence(Keepalive));

    public TimeSpan RetryEvery { get; init; } = TimeSpan.FromSeconds(2);

    public static TimeSpan Keepalive { get; } = TimeSpan.FromSeconds(2);

    public string Name => name;

    /// <summary>Whether this node holds the lease now.</summary>
    public bool IsLeader { get; private set; }

    /// <summary>Until <paramref name="stoppingToken"/>: waits for the lease, runs <paramref name="work"/> while it is
    /// held (its token is cancelled when the lease is lost), and waits again. The work should run until cancelled;
    /// should it return, or fail with a database error, the lease is given up and tried again after <see cref="RetryEvery"/>.
    /// Any other failure (a tampered log) ends this, and so the hosted service: loudly, not in a retry loop.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await LeadIfFreeAsync(work, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning("Leader lease {Lease}: {Failure}; trying again in {Retry}", name, failure.Message, RetryEvery);
            }

            try
            {
                await Task.Delay(RetryEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task LeadIfFreeAsync(Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        await using var handle = await _lock.TryAcquireAsync(TimeSpan.Zero, stoppingToken);
        if (handle is null)
        {
            return;
        }

        using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, handle.HandleLostToken);
        IsLeader = true;
        logger.LogInformation("Leader lease {Lease}: this node leads", name);
        try
        {
            await work(leading.Token);
        }
        catch (OperationCanceledException) when (leading.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Leader lease {Lease}: lost (its connection closed); this node follows again", name);
        }
        finally
        {
            IsLeader = false;
        }
    }
}
