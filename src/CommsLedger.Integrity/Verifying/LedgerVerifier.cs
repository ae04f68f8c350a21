using System.Diagnostics;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Merkle;
using CommsLedger.Integrity.Storage;
using CommsLedger.Integrity.Timing;
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
        await using var snapshot = await SharedSnapshot.TakeAsync(dataSource, ct);
        var collected = options.Against is null ? null : new LeafHashList();
        var replay = await PrepareAsync(snapshot.First, options, collected, ct);
        var estimatedTotal = await ScalarAsync<long>(snapshot.First, $"SELECT coalesce(max(seq_id), 0) FROM {schema.Events}", ct);
        await ReplayAsync(snapshot, replay, new ProgressClock(progress, options.ProgressInterval, estimatedTotal, clock), ct);

        replay.Finish();
        var divergences = await DescribeAsync(snapshot, replay.Divergences, ct);
        var frontier = replay.Frontier;
        return new VerifyReport(
            replay.EventsRead,
            frontier.Size,
            frontier.RootHash(),
            replay.PendingEvents,
            frontier.Size - (replay.LatestGoodCheckpoint?.TreeSize ?? 0),
            replay.LatestGoodCheckpoint,
            replay.CheckpointsVerified,
            divergences,
            options.Against is null ? null : Consistency(options.Against, replay, collected!, divergences),
            clock.Elapsed);
    }

    private async Task<LogReplay> PrepareAsync(NpgsqlConnection connection, VerifyOptions options, LeafHashList? collected, CancellationToken ct)
    {
        var claims = (await StoredCheckpoints.AllAsync(connection, schema, ct))
            .Select(row => CheckpointClaim.From(row.TreeSize, row.Text, trustedKey))
            .ToList();
        var (_, lastLeafSequence) = await StoredLeaves.TipAsync(connection, schema, ct);
        var times = new RecordedTimeOrder(options.ClockTolerance, options.Now ?? DateTimeOffset.UtcNow);
        return new LogReplay(claims, options.Against, lastLeafSequence, options.MaxDivergences, collected, times);
    }

    private async Task ReplayAsync(SharedSnapshot snapshot, LogReplay replay, ProgressClock progress, CancellationToken ct)
    {
        await using var leaves = await DigestStreams.LeavesAsync(await snapshot.OpenAsync(ct), schema, ct);
        using var readers = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            await MergeAsync(
                new DigestStreams.Cursor<EventDigest>(DigestStreams.Events(snapshot.First, schema, readers.Token)),
                leaves,
                replay,
                progress,
                ct);
        }
        finally
        {
            // Stops a reader still blocked on a full channel if the merge ended early.
            await readers.CancelAsync();
        }
    }

    private static async Task MergeAsync(
        DigestStreams.Cursor<EventDigest> events, DigestStreams.LeafCursor leaves, LogReplay replay, ProgressClock progress, CancellationToken ct)
    {
        var stored = await events.NextAsync(ct);
        var leaf = await leaves.NextAsync(ct);
        while (stored is not null || leaf is not null)
        {
            if (leaf is { } l && (stored is null || l.Sequence < stored.Value.Sequence))
            {
                replay.LeafWithoutEvent(l);
                leaf = await leaves.NextAsync(ct);
            }
            else if (stored is { } e && (leaf is null || e.Sequence < leaf.Value.Sequence))
            {
                replay.EventWithoutLeaf(e);
                stored = await events.NextAsync(ct);
            }
            else
            {
                replay.Match(stored!.Value, leaf!.Value);
                stored = await events.NextAsync(ct);
                leaf = await leaves.NextAsync(ct);
            }

            progress.Tick(replay.EventsRead);
        }

        progress.Done(replay.EventsRead);
    }

    private async Task<IReadOnlyList<Divergence>> DescribeAsync(SharedSnapshot snapshot, IReadOnlyList<Divergence> divergences, CancellationToken ct)
    {
        if (divergences.Count == 0)
        {
            return divergences;
        }

        var details = new DivergenceDetails(await snapshot.OpenAsync(ct), schema);
        var described = new List<Divergence>(divergences.Count);
        foreach (var divergence in divergences)
        {
            described.Add(await details.DescribeAsync(divergence, ct));
        }

        return described;
    }

    private ConsistencyResult Consistency(Checkpoint older, LogReplay replay, LeafHashList leaves, IReadOnlyList<Divergence> divergences)
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
        if (divergences.Count > 0)
        {
            // The first events still give the kept root, but this run found the ledger altered: saying "extends your
            // checkpoint" would vouch for a ledger just found wrong, and saying it does not would claim a proof too.
            return new ConsistencyResult(older, newer, proof, false,
                $"The first {older.TreeSize} events still hash to the root you hold, but this run found {divergences.Count} problem(s) " +
                $"(the first: {divergences[0].Message}): the ledger is not proven to extend your checkpoint.") { IsUnproven = true };
        }

        return ProofVerification.VerifyConsistency(older.TreeSize, newer.TreeSize, older.RootHash, newer.RootHash, proof)
            ? new ConsistencyResult(older, newer, proof, true,
                $"The log at {newer.TreeSize} leaves (signed {newer.Time:u}) extends your checkpoint of {older.TreeSize} leaves.")
            : new ConsistencyResult(older, newer, proof, false,
                $"No valid consistency proof leads from your checkpoint ({older.TreeSize} leaves) to the ledger's latest ({newer.TreeSize} leaves).");
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
