using System.Diagnostics;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Merkle;
using CommsLedger.Integrity.Storage;
using Npgsql;

namespace CommsLedger.Integrity.Verifying;

/// <summary>
/// <c>commsledger verify</c>: recomputes every leaf from <c>mt_events</c> and every root from those leaves, and
/// compares them with the stored leaves, the signed checkpoints and, optionally, a checkpoint the reviewer kept.
/// Events and leaves are streamed over two connections sharing one exported snapshot, so the comparison is
/// of one instant of the database while appends carry on.
/// </summary>
public sealed class LedgerVerifier(NpgsqlDataSource dataSource, LedgerSchema schema, LedgerPublicKey trustedKey)
{
    public async Task<VerifyReport> VerifyAsync(VerifyOptions? options = null, IProgress<VerifyProgress>? progress = null, CancellationToken ct = default)
    {
        options ??= new VerifyOptions();
        var clock = Stopwatch.StartNew();
        await using var eventsConnection = await dataSource.OpenConnectionAsync(ct);
        await using var leavesConnection = await dataSource.OpenConnectionAsync(ct);
        await using var eventsTransaction = await BeginSnapshotAsync(eventsConnection, null, ct);
        var snapshot = await ScalarAsync<string>(eventsConnection, "SELECT pg_export_snapshot()", ct);
        await using var leavesTransaction = await BeginSnapshotAsync(leavesConnection, snapshot, ct);

        var claims = (await StoredCheckpoints.AllAsync(eventsConnection, schema, ct))
            .Select(row => CheckpointClaim.From(row.TreeSize, row.Text, trustedKey))
            .ToList();
        var (_, lastLeafSequence) = await StoredLeaves.TipAsync(eventsConnection, schema, ct);
        var estimatedTotal = await ScalarAsync<long>(eventsConnection, $"SELECT coalesce(max(seq_id), 0) FROM {schema.Events}", ct);
        var collected = options.Against is null ? null : new LeafHashList();
        var replay = new LogReplay(claims, options.Against, lastLeafSequence, options.MaxDivergences, collected);

        await using (var events = new RowStream<StoredEvent>(
                         new NpgsqlCommand(StoredEvents.Select(schema, "ORDER BY seq_id"), eventsConnection), StoredEvents.Read))
        await using (var leaves = new RowStream<StoredLeaf>(
                         new NpgsqlCommand(StoredLeaf.Select(schema, "ORDER BY leaf_index"), leavesConnection), StoredLeaf.Read))
        {
            await MergeAsync(events, leaves, replay, new ProgressClock(progress, options.ProgressInterval, estimatedTotal, clock), ct);
        }

        replay.Finish();
        var consistency = options.Against is null ? null : Consistency(options.Against, replay, collected!);
        var frontier = replay.Frontier;
        return new VerifyReport(
            replay.EventsRead,
            frontier.Size,
            frontier.RootHash(),
            replay.PendingEvents,
            frontier.Size - (replay.LatestGoodCheckpoint?.TreeSize ?? 0),
            replay.LatestGoodCheckpoint,
            replay.CheckpointsVerified,
            replay.Divergences,
            consistency,
            clock.Elapsed);
    }

    private static async Task MergeAsync(
        RowStream<StoredEvent> events, RowStream<StoredLeaf> leaves, LogReplay replay, ProgressClock progress, CancellationToken ct)
    {
        var stored = await events.NextAsync(ct);
        var leaf = await leaves.NextAsync(ct);
        while (stored is not null || leaf is not null)
        {
            if (leaf is not null && (stored is null || leaf.Sequence < stored.Envelope.Sequence))
            {
                replay.LeafWithoutEvent(leaf);
                leaf = await leaves.NextAsync(ct);
            }
            else if (stored is not null && (leaf is null || stored.Envelope.Sequence < leaf.Sequence))
            {
                replay.EventWithoutLeaf(stored);
                stored = await events.NextAsync(ct);
            }
            else
            {
                replay.Match(stored!, leaf!);
                stored = await events.NextAsync(ct);
                leaf = await leaves.NextAsync(ct);
            }

            progress.Tick(replay.EventsRead);
        }

        progress.Done(replay.EventsRead);
    }

    private ConsistencyResult Consistency(Checkpoint older, LogReplay replay, LeafHashList leaves)
    {
        if (!trustedKey.Verifies(older))
        {
            return new ConsistencyResult(older, null, [], false,
                $"The checkpoint you hold does not verify with the ledger public key {trustedKey.KeyId}: it is not this ledger's, or it was altered.");
        }

        if (replay.AgainstRootRecomputed is not { } recomputed)
        {
            return new ConsistencyResult(older, null, [], false,
                $"The checkpoint you hold covers {older.TreeSize} leaves but only {replay.Frontier.Size} can be rebuilt from the events: the log was cut back.");
        }

        if (recomputed != older.RootHash)
        {
            return new ConsistencyResult(older, null, [], false,
                $"The first {older.TreeSize} events no longer hash to the root you hold ({older.RootHash}); they now give {recomputed}: history before your checkpoint was rewritten.");
        }

        if (replay.LatestGoodCheckpoint is not { } newer || newer.TreeSize < older.TreeSize)
        {
            return new ConsistencyResult(older, replay.LatestGoodCheckpoint, [], false,
                $"The ledger has no valid signed checkpoint at or beyond tree size {older.TreeSize}: its signed history was cut back.");
        }

        var proof = MerkleTree.ConsistencyProof(leaves, older.TreeSize, newer.TreeSize);
        return ProofVerification.VerifyConsistency(older.TreeSize, newer.TreeSize, older.RootHash, newer.RootHash, proof)
            ? new ConsistencyResult(older, newer, proof, true,
                $"The log at {newer.TreeSize} leaves (signed {newer.Time:u}) extends your checkpoint of {older.TreeSize} leaves.")
            : new ConsistencyResult(older, newer, proof, false,
                $"No valid consistency proof leads from your checkpoint ({older.TreeSize} leaves) to the ledger's latest ({newer.TreeSize} leaves).");
    }

    private static async Task<NpgsqlTransaction> BeginSnapshotAsync(NpgsqlConnection connection, string? snapshot, CancellationToken ct)
    {
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var readOnly = new NpgsqlCommand(
            snapshot is null ? "SET TRANSACTION READ ONLY" : $"SET TRANSACTION READ ONLY; SET TRANSACTION SNAPSHOT '{snapshot.Replace("'", "''", StringComparison.Ordinal)}'",
            connection, transaction);
        await readOnly.ExecuteNonQueryAsync(ct);
        return transaction;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    private sealed class ProgressClock(IProgress<VerifyProgress>? progress, TimeSpan interval, long estimatedTotal, Stopwatch clock)
    {
        private TimeSpan _next;

        public void Tick(long eventsRead)
        {
            if (progress is not null && (eventsRead & 1023) == 0 && clock.Elapsed >= _next)
            {
                _next = clock.Elapsed + interval;
                progress.Report(new VerifyProgress(eventsRead, Math.Max(estimatedTotal, eventsRead), clock.Elapsed));
            }
        }

        public void Done(long eventsRead) =>
            progress?.Report(new VerifyProgress(eventsRead, eventsRead, clock.Elapsed));
    }
}
