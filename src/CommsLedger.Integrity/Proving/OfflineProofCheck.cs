using System.Security.Cryptography;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Leaves;
using CommsLedger.Integrity.Merkle;

namespace CommsLedger.Integrity.Proving;

public sealed record ProofCheck(bool IsValid, string Reason, InclusionProof? Proof);

/// <summary><c>commsledger verify-proof proof.json --key pub.pem</c>: no database, no network, no private key.</summary>
public static class OfflineProofCheck
{
    public static ProofCheck Verify(string proofJson, string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(proofJson);
        ArgumentNullException.ThrowIfNull(publicKeyPem);
        InclusionProof proof;
        try
        {
            proof = InclusionProof.FromJson(proofJson);
        }
        catch (FormatException e)
        {
            return Fail($"The proof file is not valid: {e.Message}", null);
        }

        LedgerPublicKey key;
        try
        {
            key = LedgerPublicKey.FromPem(publicKeyPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return Fail($"The public key is not an ECDSA P-256 PEM key: {e.Message}", proof);
        }

        using (key)
        {
            return Check(proof, key);
        }
    }

    public static ProofCheck Check(InclusionProof proof, LedgerPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(key);
        var checkpoint = proof.Checkpoint;
        if (!key.Verifies(checkpoint))
        {
            return Fail($"The checkpoint's signature does not verify with public key {key.KeyId} (the checkpoint names key {checkpoint.KeyId}).", proof);
        }

        if (proof.TreeSize != checkpoint.TreeSize)
        {
            return Fail($"The proof is for a tree of {proof.TreeSize} leaves but its checkpoint signs {checkpoint.TreeSize}.", proof);
        }

        if (proof.Payload is not null && LeafEncoding.PayloadHash(proof.Payload, proof.PayloadBinary) != proof.PayloadHash)
        {
            return Fail("The payload does not hash to the payload hash the log recorded: the event's content was changed.", proof);
        }

        if (!ProofVerification.VerifyInclusion(proof.LeafIndex, proof.TreeSize, proof.LeafHash, proof.AuditPath, checkpoint.RootHash))
        {
            return Fail($"The event's leaf at index {proof.LeafIndex} does not lead to the signed root {checkpoint.RootHash}: the event or the path was changed.", proof);
        }

        return new ProofCheck(true,
            $"Event {proof.Event.EventId} (sequence {proof.Event.Sequence}, stream {proof.Event.StreamId}) is leaf {proof.LeafIndex} of the log of {checkpoint.TreeSize} leaves signed at {checkpoint.Time:u} by key {checkpoint.KeyId}.",
            proof);
    }

    private static ProofCheck Fail(string reason, InclusionProof? proof) => new(false, reason, proof);
}
