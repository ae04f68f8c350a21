namespace CommsLedger.Application.Reports.Position;

/// <summary>What a report was built from: the ledger-wide sequence of the last event it includes (0 when none) and,
/// when the Merkle log already covers that event, the first signed checkpoint that does. The first, not the latest,
/// so that the same position always names the same checkpoint.</summary>
public sealed record LedgerPosition(long LastSequence, CheckpointReference? Checkpoint);

/// <summary>A signed checkpoint of the Merkle log (see <c>commsledger checkpoint export</c>).</summary>
public sealed record CheckpointReference(long TreeSize, string RootHash, string KeyId, DateTimeOffset SignedAt);
