using System.Security.Cryptography;
using CommsLedger.Integrity.Merkle;

namespace CommsLedger.Integrity.Checkpoints;

/// <summary>
/// The ledger's signing key: ECDSA P-256, kept as an unencrypted PKCS#8 PEM file readable by its owner only
/// (mode 0600 on Unix). It signs checkpoints and nothing else; the database never sees it.
/// Default location: the file named by <c>COMMSLEDGER_LEDGER_KEY</c>, else
/// <c>~/.config/commsledger/ledger-key.pem</c> (<c>%APPDATA%\commsledger\ledger-key.pem</c> on Windows).
/// </summary>
public sealed class LedgerKey : IDisposable
{
    public const string PathVariable = "COMMSLEDGER_LEDGER_KEY";

    private readonly ECDsa _key;

    private LedgerKey(ECDsa key)
    {
        _key = key;
        PublicKey = LedgerPublicKey.FromKey(key);
    }

    public LedgerPublicKey PublicKey { get; }

    public string KeyId => PublicKey.KeyId;

    public static string DefaultPath() =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "commsledger", "ledger-key.pem");

    public static LedgerKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static LedgerKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new CryptographicException($"The ledger key is ECDSA P-256; this key has {key.KeySize} bits.");
        }

        return new LedgerKey(key);
    }

    public static LedgerKey Load(string path) => FromPem(File.ReadAllText(path));

    /// <summary>Writes the private key to a new file (never overwriting one), readable by its owner only.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        file.Write(_key.ExportPkcs8PrivateKeyPem());
        file.Write('\n');
    }

    public string ExportPublicKeyPem() => PublicKey.ExportPem();

    public Checkpoint Sign(long treeSize, Hash256 rootHash, DateTimeOffset time)
    {
        var at = Checkpoint.ToCheckpointPrecision(time);
        var body = Checkpoint.SignedBody(treeSize, rootHash, at, KeyId);
        var signature = _key.SignData(body, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new Checkpoint(treeSize, rootHash, at, KeyId, signature);
    }

    public void Dispose()
    {
        PublicKey.Dispose();
        _key.Dispose();
    }
}
