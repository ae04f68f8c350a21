using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Merkle;
using CommsLedger.Integrity.Storage;
using CommsLedger.Integrity.Timing;
using Npgsql;
using NpgsqlTypes;

namespace CommsLedger.Integrity.Integrating;

/// <summary>
/// Adds one leaf per event to the log, in global sequence order, and signs checkpoints as they fall due.
/// It only reads <c>mt_events</c> (plain MVCC reads, no locks an append waits on) and writes its own tables,
/// so appends never wait for it. Safe to run in several processes: a round takes a transaction-scoped advisory
/// lock and a process that does not get it skips the round. Idempotent: the log's tip is read from the database
/// at the start of every round.
/// </summary>
public sealed class MerkleIntegrator(NpgsqlDataSource dataSource, LedgerKey key, IntegratorOptions options, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _oneRoundAtATime = new(1, 1);
    private MerkleFrontier? _frontier;
    private SequenceGap? _gap;
    private (long Sequence, DateTimeOffset RecordedAt)? _lastRecorded;

    private LedgerSchema Schema => options.Schema;

    /// <summary>Integrates up to one batch of events that are safe to integrate.</summary>
    public Task<IntegrationResult> IntegrateOnceAsync(CancellationToken ct = default) =>
        InRoundAsync(forceCheckpoint: false, ct);

    /// <summary>Integrates until a round makes no progress: everything safe to integrate now is in the log.</summary>
    public async Task<IntegrationResult> CatchUpAsync(CancellationToken ct = default)
    {
        var anomalies = new List<TimeAnomaly>();
        while (true)
        {
            var result = await IntegrateOnceAsync(ct);
            anomalies.AddRange(result.TimeAnomalies);
            if (result.LeavesAdded == 0 || result.Busy)
            {
                return result with { TimeAnomalies = anomalies };
            }
        }
    }

    /// <summary>Integrates everything safe, then signs a checkpoint over the whole log if it has grown since the last one.</summary>
    public async Task<Checkpoint?> CheckpointNowAsync(CancellationToken ct = default)
    {
        await CatchUpAsync(ct);
        var result = await InRoundAsync(forceCheckpoint: true, ct);
        return result.Checkpoint ?? await StoredCheckpoints.LatestAsync(dataSource, Schema, ct);
    }

    /// <summary>The background loop: catch up, wait <see cref="IntegratorOptions.PollInterval"/>, repeat.
    /// A database error is passed to <paramref name="onError"/> and the loop carries on at the next poll;
    /// a <see cref="LogTamperedException"/> ends it.</summary>
    public Task RunAsync(Action<NpgsqlException>? onError = null, CancellationToken ct = default) => RunAsync(onError, null, ct);

    /// <summary>As <see cref="RunAsync(Action{NpgsqlException}?, CancellationToken)"/>, passing every event whose recorded
    /// time goes back (or lies ahead) to <paramref name="onTimeAnomaly"/> as it is integrated.</summary>
    public async Task RunAsync(Action<NpgsqlException>? onError, Action<TimeAnomaly>? onTimeAnomaly, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                foreach (var anomaly in (await CatchUpAsync(ct)).TimeAnomalies)
                {
                    onTimeAnomaly?.Invoke(anomaly);
                }
            }
            catch (NpgsqlException e) when (!ct.IsCancellationRequested)
            {
                onError?.Invoke(e);
            }

            await Task.Delay(options.PollInterval, _clock, ct);
        }
    }

    private async Task<IntegrationResult> InRoundAsync(bool forceCheckpoint, CancellationToken ct)
    {
        await _oneRoundAtATime.WaitAsync(ct);
        try
        {
            return await RoundAsync(forceCheckpoint, ct);
        }
        catch
        {
            _frontier = null;
            _lastRecorded = null;
            throw;
        }
        finally
        {
            _oneRoundAtATime.Release();
        }
    }

    private async Task<IntegrationResult> RoundAsync(bool forceCheckpoint, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await TryLockAsync(connection, ct))
        {
            return new IntegrationResult(0, 0, 0, null, null, Busy: true);
        }

        var (treeSize, lastSequence) = await StoredLeaves.TipAsync(connection, Schema, ct);
        var frontier = await FrontierAsync(connection, treeSize, ct);
        var now = _clock.GetUtcNow();
        if (_gap?.AfterSequence != lastSequence)
        {
            _gap = await SequenceGap.LoadAsync(connection, Schema, lastSequence, ct);
        }

        // Before the read, never after: a transaction that commits in between must show in the read.
        var gapIsPermanent = _gap is { } gap && gap.AfterSequence == lastSequence
                             && await gap.IsPermanentAsync(connection, now, options.GapGrace, ct);
        var batch = forceCheckpoint ? [] : await ReadAfterAsync(connection, lastSequence, ct);
        var (accepted, waitingFor) = await TakeUnbrokenRunAsync(connection, batch, lastSequence, gapIsPermanent, now, ct);
        var anomalies = await CheckTimesAsync(connection, lastSequence, accepted, now, ct);
        lastSequence = accepted.Count > 0 ? accepted[^1].Envelope.Sequence : lastSequence;

        await WriteLeavesAsync(connection, frontier, accepted, ct);
        var checkpoint = await SignIfDueAsync(connection, frontier, now, forceCheckpoint, ct);
        await transaction.CommitAsync(ct);
        if (accepted.Count > 0)
        {
            _lastRecorded = (lastSequence, accepted[^1].Envelope.RecordedAt);
        }

        return new IntegrationResult(accepted.Count, frontier.Size, lastSequence, checkpoint, waitingFor) { TimeAnomalies = anomalies };
    }

    /// <summary>The events about to be integrated whose recorded time goes back from the one before them (the log's last
    /// event to begin with) or lies ahead of now (<see cref="RecordedTimeOrder"/>). They are integrated all the same: they
    /// exist, and the log must cover them; the integrator says so, and verify reports them.</summary>
    private async Task<IReadOnlyList<TimeAnomaly>> CheckTimesAsync(
        NpgsqlConnection connection, long tipSequence, List<StoredEvent> accepted, DateTimeOffset now, CancellationToken ct)
    {
        if (accepted.Count == 0)
        {
            return [];
        }

        var times = new RecordedTimeOrder(options.ClockTolerance, now);
        var previous = _lastRecorded is { } cached && cached.Sequence == tipSequence ? cached : await StoredLeaves.LastRecordedAsync(connection, Schema, ct);
        if (previous is { } last)
        {
            times.After(last.Sequence, last.RecordedAt);
        }

        return
        [
            .. accepted.Select(e => times.Next(e.Envelope.Sequence, e.Envelope.EventId, e.Envelope.StreamId, e.Envelope.RecordedAt)).OfType<TimeAnomaly>(),
        ];
    }

    /// <summary>The events that follow the log without a hole, a hole being crossed only once it is known to be
    /// permanent (see <see cref="SequenceGap"/>); and the sequence number waited on, if a hole stopped the run.</summary>
    private async Task<(List<StoredEvent> Accepted, long? WaitingFor)> TakeUnbrokenRunAsync(
        NpgsqlConnection connection, IReadOnlyList<StoredEvent> batch, long lastSequence, bool gapIsPermanent, DateTimeOffset now, CancellationToken ct)
    {
        var accepted = new List<StoredEvent>();
        foreach (var stored in batch)
        {
            var crossesPermanentGap = gapIsPermanent && accepted.Count == 0;
            if (stored.Envelope.Sequence != lastSequence + 1 && !crossesPermanentGap)
            {
                if (_gap?.AfterSequence != lastSequence)
                {
                    _gap = await SequenceGap.ObserveAsync(connection, Schema, lastSequence, now, ct);
                }

                return (accepted, lastSequence + 1);
            }

            accepted.Add(stored);
            lastSequence = stored.Envelope.Sequence;
        }

        return (accepted, null);
    }

    private async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0))", connection)
        {
            Parameters = { new() { Value = $"commsledger.integrator.{Schema.Name}" } },
        };
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The in-memory right edge of the tree, rebuilt from the stored leaf hashes when another process has moved the
    /// log on or this one has just started. A rebuilt tree must give the root of the latest checkpoint: the
    /// integrator holds the key, and must never sign on top of leaves that were rewritten since.
    /// </summary>
    private async Task<MerkleFrontier> FrontierAsync(NpgsqlConnection connection, long treeSize, CancellationToken ct)
    {
        if (_frontier?.Size == treeSize)
        {
            return _frontier;
        }

        var latest = await StoredCheckpoints.LatestAsync(connection, Schema, ct);
        var frontier = new MerkleFrontier();
        foreach (var leafHash in await StoredLeaves.HashesAsync(connection, Schema, treeSize, ct))
        {
            frontier.Append(leafHash);
            if (frontier.Size == latest?.TreeSize && (frontier.RootHash() != latest.RootHash || !key.PublicKey.Verifies(latest)))
            {
                throw new LogTamperedException(
                    $"The stored leaves no longer give the root of the latest signed checkpoint (tree size {latest.TreeSize}); refusing to sign on top of them. Run 'commsledger verify'.");
            }
        }

        if (frontier.Size != treeSize)
        {
            throw new LogTamperedException($"{Schema.Leaves} holds {frontier.Size} contiguous leaves but its tip says {treeSize}. Run 'commsledger verify'.");
        }

        _frontier = frontier;
        return frontier;
    }

    private async Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(NpgsqlConnection connection, long lastSequence, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(StoredEvents.Select(Schema, "WHERE seq_id > $1 ORDER BY seq_id LIMIT $2"), connection)
        {
            Parameters = { new() { Value = lastSequence }, new() { Value = options.BatchSize } },
        };
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(ct))
        {
            events.Add(StoredEvents.Read(reader));
        }

        return events;
    }

    private async Task WriteLeavesAsync(NpgsqlConnection connection, MerkleFrontier frontier, List<StoredEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var import = await connection.BeginBinaryImportAsync(
            $"COPY {Schema.Leaves} (leaf_index, seq_id, event_id, leaf_data, leaf_hash) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var stored in events)
        {
            var leafData = stored.LeafData();
            var leafHash = TreeHashing.HashLeaf(leafData);
            await import.StartRowAsync(ct);
            await import.WriteAsync(frontier.Size, NpgsqlDbType.Bigint, ct);
            await import.WriteAsync(stored.Envelope.Sequence, NpgsqlDbType.Bigint, ct);
            await import.WriteAsync(stored.Envelope.EventId, NpgsqlDbType.Uuid, ct);
            await import.WriteAsync(leafData, NpgsqlDbType.Bytea, ct);
            await import.WriteAsync(leafHash.ToArray(), NpgsqlDbType.Bytea, ct);
            frontier.Append(leafHash);
        }

        await import.CompleteAsync(ct);
    }

    private async Task<Checkpoint?> SignIfDueAsync(NpgsqlConnection connection, MerkleFrontier frontier, DateTimeOffset now, bool force, CancellationToken ct)
    {
        var latest = await StoredCheckpoints.LatestAsync(connection, Schema, ct);
        var signedSize = latest?.TreeSize ?? 0;
        if (frontier.Size <= signedSize)
        {
            return null;
        }

        var due = force
                  || latest is null
                  || frontier.Size - signedSize >= options.CheckpointEveryEvents
                  || now - latest.Time >= options.CheckpointEvery;
        if (!due)
        {
            return null;
        }

        var checkpoint = key.Sign(frontier.Size, frontier.RootHash(), now);
        await StoredCheckpoints.InsertAsync(connection, Schema, checkpoint, ct);
        return checkpoint;
    }
}
