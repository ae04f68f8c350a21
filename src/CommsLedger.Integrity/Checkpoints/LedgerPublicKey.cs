using System.Security.Cryptography;
using CommsLedger.Integrity.Merkle;

namespace CommsLedger.Integrity.Checkpoints;

/// <summary>The public half of the ledger key: all a reviewer needs to check checkpoints and proofs.</summary>
public sealed class LedgerPublicKey : IDisposable
{
    private readonly ECDsa _key;

    private LedgerPublicKey(ECDsa key)
    {
        _key = key;
        KeyId = ComputeKeyId(key);
    }

    /// <summary>The first 8 bytes, in hex, of SHA-256 over the key's SubjectPublicKeyInfo DER.</summary>
    public string KeyId { get; }

    public static LedgerPublicKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256)
            {
                throw new CryptographicException($"The ledger key is ECDSA P-256; this key has {key.KeySize} bits.");
            }

            var publicOnly = ECDsa.Create(key.ExportParameters(includePrivateParameters: false));
            return new LedgerPublicKey(publicOnly);
        }
        finally
        {
            key.Dispose();
        }
    }

    internal static LedgerPublicKey FromKey(ECDsa key) => new(ECDsa.Create(key.ExportParameters(includePrivateParameters: false)));

    public string ExportPem() => _key.ExportSubjectPublicKeyInfoPem() + "\n";

    public bool Verifies(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return checkpoint.KeyId == KeyId
               && _key.VerifyData(checkpoint.SignedBody(), checkpoint.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public void Dispose() => _key.Dispose();

    internal static string ComputeKeyId(ECDsa key) =>
        Convert.ToHexStringLower(Hash256.Of(key.ExportSubjectPublicKeyInfo()).Bytes[..8]);
}
