using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Merkle;

namespace CommsLedger.Integrity.Verifying;

/// <param name="EventsRead">Rows of <c>mt_events</c> read.</param>
/// <param name="TreeSize">Leaves in the recomputed log.</param>
/// <param name="RootHash">Root of the recomputed log.</param>
/// <param name="PendingEvents">Events newer than the log's last leaf: appended, not integrated yet.</param>
/// <param name="UnsignedLeaves">Leaves after the latest valid checkpoint, checked against stored leaves only.</param>
/// <param name="LatestCheckpoint">The newest stored checkpoint that verified.</param>
/// <param name="CheckpointsVerified">Stored checkpoints whose signature and root both verified.</param>
/// <param name="Divergences">Everything found, in log order (capped by <see cref="VerifyOptions.MaxDivergences"/>).</param>
/// <param name="Consistency">The result of <see cref="VerifyOptions.Against"/>, when one was given.</param>
public sealed record VerifyReport(
    long EventsRead,
    long TreeSize,
    Hash256 RootHash,
    long PendingEvents,
    long UnsignedLeaves,
    Checkpoint? LatestCheckpoint,
    int CheckpointsVerified,
    IReadOnlyList<Divergence> Divergences,
    ConsistencyResult? Consistency,
    TimeSpan Elapsed)
{
    public bool IsIntact => Divergences.Count == 0 && Consistency is null or { IsConsistent: true };

    public Divergence? FirstDivergence => Divergences.Count > 0 ? Divergences[0] : null;

    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? EventsRead / Elapsed.TotalSeconds : 0;
}

/// <summary>Whether the current log extends a checkpoint a reviewer kept (RFC 9162 §2.1.4).</summary>
/// <param name="Older">The checkpoint the reviewer kept.</param>
/// <param name="Newer">The ledger's latest valid checkpoint the proof leads to.</param>
/// <param name="Proof">The consistency proof from <paramref name="Older"/> to <paramref name="Newer"/>.</param>
public sealed record ConsistencyResult(Checkpoint Older, Checkpoint? Newer, IReadOnlyList<Hash256> Proof, bool IsConsistent, string Reason)
{
    /// <summary>Neither proven nor refuted: the kept root still checks out, but the same run found the ledger altered
    /// elsewhere, so nothing is claimed about it extending the checkpoint.</summary>
    public bool IsUnproven { get; init; }
}

public readonly record struct VerifyProgress(long EventsRead, long EstimatedTotal, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? EventsRead / Elapsed.TotalSeconds : 0;
}

public sealed record VerifyOptions
{
    /// <summary>A checkpoint the reviewer kept (<c>verify --against</c>): the log must extend it.</summary>
    public Checkpoint? Against { get; init; }

    public int MaxDivergences { get; init; } = 100;

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How far an event's recorded time may go back from the event before it (or ahead of now) before it is
    /// reported (<see cref="DivergenceKind.RecordedTimeGoesBack"/>, <see cref="DivergenceKind.RecordedInFuture"/>).</summary>
    public TimeSpan ClockTolerance { get; init; } = Timing.RecordedTimeOrder.DefaultTolerance;

    /// <summary>"Now", for events recorded in the future; the verifier's clock when not given.</summary>
    public DateTimeOffset? Now { get; init; }
}
