using CommsLedger.Integrity.Checkpoints;

namespace CommsLedger.Integrity.Verifying;

/// <summary>A stored checkpoint row as the verifier found it: parsed and signature-checked, or the reason it is not.</summary>
internal sealed record CheckpointClaim(long TreeSize, Checkpoint? Checkpoint, string? Problem)
{
    public static CheckpointClaim From(long treeSize, string text, LedgerPublicKey trustedKey)
    {
        Checkpoint checkpoint;
        try
        {
            checkpoint = Checkpoints.Checkpoint.Parse(text);
        }
        catch (FormatException e)
        {
            return new CheckpointClaim(treeSize, null, $"its text does not parse ({e.Message})");
        }

        if (checkpoint.TreeSize != treeSize)
        {
            return new CheckpointClaim(treeSize, checkpoint, $"its row says tree size {treeSize} but its text says {checkpoint.TreeSize}");
        }

        return trustedKey.Verifies(checkpoint)
            ? new CheckpointClaim(treeSize, checkpoint, null)
            : new CheckpointClaim(treeSize, checkpoint, $"its signature does not verify with the ledger public key {trustedKey.KeyId} (key id in the checkpoint: {checkpoint.KeyId})");
    }
}
