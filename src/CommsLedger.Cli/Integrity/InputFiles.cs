using System.Security.Cryptography;
using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.Checkpoints;

namespace CommsLedger.Cli.Integrity;

/// <summary>Reads the files the integrity commands are given; a missing or malformed one is rejected naming its argument.</summary>
internal static class InputFiles
{
    public static string MissingKey(string path) =>
        $"no ledger key at {path}: run commsledger key generate (or set {LedgerKey.PathVariable})";

    public static string Text(string path, string field)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw Rejected(field, $"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>The ledger's private key; its absence is the usual first-run mistake, so the message says what to do.</summary>
    public static LedgerKey PrivateKey(string path, string field)
    {
        if (!File.Exists(path))
        {
            throw Rejected(field, MissingKey(path));
        }

        var pem = Text(path, field);
        try
        {
            return LedgerKey.FromPem(pem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw Rejected(field, $"{path} is not an ECDSA P-256 private key in PEM form ({e.Message})");
        }
    }

    public static LedgerPublicKey PublicKey(string path, string field)
    {
        var pem = Text(path, field);
        try
        {
            return LedgerPublicKey.FromPem(pem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw Rejected(field, $"{path} is not an ECDSA P-256 public key in PEM form ({e.Message})");
        }
    }

    public static Checkpoint KeptCheckpoint(string path, string field)
    {
        var text = Text(path, field);
        try
        {
            return Checkpoint.Parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw Rejected(field, $"{path} is not a checkpoint as written by commsledger checkpoint export, byte for byte ({e.Message})");
        }
    }

    public static CommandRejected Rejected(string field, string problem) => new([new FieldError(field, problem)]);
}
