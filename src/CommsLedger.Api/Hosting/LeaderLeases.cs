using CommsLedger.Application.Topology;

namespace CommsLedger.Api.Hosting;

/// <summary>This node's leases on the work that runs once per ledger, one per name, over the writers' connection
/// (in a multi-host setting it reaches the primary, also after a failover).</summary>
public sealed class LeaderLeases(string connectionString, ILoggerFactory loggers)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LeaderLease> _leases = new(StringComparer.Ordinal);

    public TimeSpan RetryEvery { get; init; } = TimeSpan.FromSeconds(2);

    public LeaderLease For(string name) =>
        _leases.GetOrAdd(name, n => new LeaderLease(n, connectionString, loggers.CreateLogger<LeaderLease>()) { RetryEvery = RetryEvery });

    /// <summary>The leases this node has taken part in, and whether it leads each.</summary>
    public IReadOnlyDictionary<string, bool> Leading => _leases.ToDictionary(lease => lease.Key, lease => lease.Value.IsLeader, StringComparer.Ordinal);
}
