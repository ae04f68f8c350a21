namespace CommsLedger.Integrity.Verifying;

public enum DivergenceKind
{
    /// <summary>The event at this sequence number no longer matches its leaf; <see cref="Divergence.Fields"/> says where.</summary>
    EventChanged,

    /// <summary>The log has a leaf for this sequence number but <c>mt_events</c> has no such row.</summary>
    EventMissing,

    /// <summary>An event sits inside the integrated range without a leaf: it was put there after the fact.</summary>
    EventNotInLog,

    /// <summary>A row of <c>ledger_leaves</c> is inconsistent in itself (hash, numbering or bytes).</summary>
    LeafCorrupted,

    /// <summary>A stored checkpoint's signature does not verify with the trusted public key.</summary>
    CheckpointSignatureInvalid,

    /// <summary>The root recomputed from the events differs from the root a checkpoint signed.</summary>
    CheckpointRootMismatch,

    /// <summary>A checkpoint was signed over more leaves than the log now has.</summary>
    CheckpointBeyondLog,

    /// <summary>The event's recorded time is earlier than the event before it by more than the clock tolerance: a
    /// backdated insert (see <c>RecordedTimeOrder</c>).</summary>
    RecordedTimeGoesBack,

    /// <summary>The event's recorded time is later than now by more than the clock tolerance.</summary>
    RecordedInFuture,
}

/// <summary>One place where the stored ledger disagrees with what was committed to.</summary>
/// <param name="Sequence">The <c>mt_events.seq_id</c> concerned, when one event is.</param>
/// <param name="LeafIndex">The leaf concerned, or for checkpoint findings the first leaf of the range the rewrite lies in.</param>
/// <param name="TreeSize">For checkpoint findings: the size the checkpoint signed.</param>
/// <param name="Fields">For <see cref="DivergenceKind.EventChanged"/>: the fields that differ (see <c>EnvelopeComparison</c>).</param>
public sealed record Divergence(
    DivergenceKind Kind,
    string Message,
    long? Sequence = null,
    long? LeafIndex = null,
    Guid? StreamId = null,
    Guid? EventId = null,
    long? TreeSize = null,
    IReadOnlyList<string>? Fields = null)
{
    public IReadOnlyList<string> Fields { get; init; } = Fields ?? [];

    public override string ToString() => Message;
}
