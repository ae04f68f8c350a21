using CommsLedger.Integrity.Checkpoints;
using Spectre.Console;

namespace CommsLedger.Cli.Integrity;

/// <summary>The key that signs checkpoints: the one given, else the default one, made on first use (0600, like
/// <c>key generate</c>). Only its path and key id are ever shown.</summary>
internal static class SigningKey
{
    public static LedgerKey OpenOrCreate(string? given, IAnsiConsole console)
    {
        if (given is not null)
        {
            return InputFiles.PrivateKey(given, "--key");
        }

        var path = LedgerKey.DefaultPath();
        if (File.Exists(path))
        {
            return InputFiles.PrivateKey(path, "--key");
        }

        var key = LedgerKey.Generate();
        try
        {
            key.Save(path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: that one is the ledger's key.
            key.Dispose();
            return InputFiles.PrivateKey(path, "--key");
        }

        console.MarkupLineInterpolated($"Generated the ledger key {key.KeyId} at {path} (readable by you only). Give reviewers its public half: commsledger key export-public");
        return key;
    }
}
