using CommsLedger.Integrity.Checkpoints;

namespace CommsLedger.Cli.Integrity;

/// <summary>The public key a verification trusts, and where it came from: the reviewer's kept file, or the public
/// half of the key on this machine (which checks the ledger against itself, not against what a reviewer kept).</summary>
internal sealed class TrustedKey(LedgerPublicKey key, string source) : IDisposable
{
    public LedgerPublicKey Key { get; } = key;

    public string Source { get; } = source;

    public static TrustedKey Resolve(string? publicKeyFile)
    {
        if (publicKeyFile is not null)
        {
            return new TrustedKey(InputFiles.PublicKey(publicKeyFile, "--key"), $"{publicKeyFile} (--key)");
        }

        var path = LedgerKey.DefaultPath();
        if (!File.Exists(path))
        {
            throw InputFiles.Rejected("--key", $"no public key given, and {InputFiles.MissingKey(path)}; or pass --key ledger-public.pem");
        }

        using var local = InputFiles.PrivateKey(path, "--key");
        return new TrustedKey(
            LedgerPublicKey.FromPem(local.ExportPublicKeyPem()),
            $"the public half of the local ledger key {path} (pass --key with the public key you kept to check against one you trust)");
    }

    public void Dispose() => Key.Dispose();
}
