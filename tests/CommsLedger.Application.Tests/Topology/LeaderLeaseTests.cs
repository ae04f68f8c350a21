using System.Diagnostics;
using CommsLedger.Application.Topology;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CommsLedger.Application.Tests.Topology;

/// <summary>Two nodes compete for one lease on a real PostgreSQL: one works at a time, and when the leader stops, or
/// its connection dies with its process, the other takes over within seconds.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LeaderLeaseTests(PostgresCluster postgres, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan TakeoverBound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task one_node_works_at_a_time_and_the_other_takes_over_when_the_leader_stops()
    {
        var connection = await postgres.Cluster.CreateDatabaseAsync("lease" + Guid.NewGuid().ToString("N")[..12]);
        var work = new Work();
        var (first, second) = (Lease(connection), Lease(connection));
        using var stopFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();
        var running = new[] { first.RunAsync(work.Do, stopFirst.Token), second.RunAsync(work.Do, stopSecond.Token) };

        await Until(() => first.IsLeader || second.IsLeader);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var (leader, follower, stopLeader) = first.IsLeader ? (first, second, stopFirst) : (second, first, stopSecond);
        var followerLedBefore = follower.IsLeader;
        var clock = Stopwatch.StartNew();
        await stopLeader.CancelAsync();
        await Until(() => follower.IsLeader);
        var takeover = clock.Elapsed;
        await stopFirst.CancelAsync();
        await stopSecond.CancelAsync();
        await Task.WhenAll(running);

        output.WriteLine($"takeover after the leader stopped: {takeover.TotalMilliseconds:F0} ms");
        Assert.False(followerLedBefore);
        Assert.False(leader.IsLeader);
        Assert.InRange(takeover, TimeSpan.Zero, TakeoverBound);
        Assert.Equal(1, work.MostAtOnce);
        Assert.Equal(2, work.Started);
    }

    [Fact]
    public async Task when_the_leaders_connection_dies_it_stops_working_and_the_other_node_takes_over()
    {
        var connection = await postgres.Cluster.CreateDatabaseAsync("lease" + Guid.NewGuid().ToString("N")[..12]);
        var work = new Work();
        var (first, second) = (Lease(connection), Lease(connection));
        using var stop = new CancellationTokenSource();
        var running = new[] { first.RunAsync(work.Do, stop.Token), second.RunAsync(work.Do, stop.Token) };
        await Until(() => first.IsLeader || second.IsLeader);
        var (leader, follower) = first.IsLeader ? (first, second) : (second, first);

        var clock = Stopwatch.StartNew();
        await TerminateLockHolder(connection);
        await Until(() => follower.IsLeader && !leader.IsLeader);
        var takeover = clock.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(running);

        output.WriteLine($"takeover after the leader's session was terminated: {takeover.TotalMilliseconds:F0} ms");
        Assert.InRange(takeover, TimeSpan.Zero, TakeoverBound);
        Assert.Equal(2, work.Started);
        Assert.Equal(2, work.Stopped);
    }

    private static LeaderLease Lease(string connection) =>
        new("test", connection, NullLogger.Instance) { RetryEvery = TimeSpan.FromMilliseconds(500) };

    /// <summary>What a crashed process leaves behind: PostgreSQL ends the session that held the lock.</summary>
    private static async Task TerminateLockHolder(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(pg_terminate_backend(pid)) from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())",
            connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    private static async Task Until(Func<bool> condition)
    {
        var giveUp = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(giveUp.Elapsed < TakeoverBound + TakeoverBound, "the condition did not hold in time");
            await Task.Delay(50);
        }
    }

    /// <summary>Work that runs until cancelled, counting how many nodes were in it at once.</summary>
    private sealed class Work
    {
        private int _now;
        private int _most;
        private int _started;
        private int _stopped;

        public int MostAtOnce => _most;
        public int Started => _started;
        public int Stopped => _stopped;

        public async Task Do(CancellationToken leading)
        {
            Interlocked.Increment(ref _started);
            var now = Interlocked.Increment(ref _now);
            InterlockedMax(ref _most, now);
            try
            {
                await Task.Delay(Timeout.Infinite, leading);
            }
            finally
            {
                Interlocked.Decrement(ref _now);
                Interlocked.Increment(ref _stopped);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
