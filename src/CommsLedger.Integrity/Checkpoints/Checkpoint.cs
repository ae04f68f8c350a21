using System.Globalization;
using System.Text;
using CommsLedger.Integrity.Merkle;

namespace CommsLedger.Integrity.Checkpoints;

/// <summary>
/// A signed statement "the ledger's log had <see cref="TreeSize"/> leaves and root <see cref="RootHash"/> at
/// <see cref="Time"/>". Its text form is what a reviewer keeps outside the system:
/// <code>
/// commsledger-checkpoint/v1
/// tree-size: 1000
/// root-hash: 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328
/// time: 2026-01-31T09:30:00Z
/// key-id: 3f1a0c2e9b7d4415
/// signature: MEUCIQD...
/// </code>
/// The signature is ECDSA P-256 with SHA-256, DER-encoded (RFC 3279) and base64'd, over the UTF-8 bytes of the
/// first five lines, each ending in a line feed: so <c>openssl dgst -sha256 -verify</c> can check it too.
/// </summary>
public sealed record Checkpoint(long TreeSize, Hash256 RootHash, DateTimeOffset Time, string KeyId, byte[] Signature)
{
    public const string Header = "commsledger-checkpoint/v1";

    private const string _timeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The bytes the signature covers.</summary>
    public static byte[] SignedBody(long treeSize, Hash256 rootHash, DateTimeOffset time, string keyId) =>
        Encoding.UTF8.GetBytes(BodyText(treeSize, rootHash, time, keyId));

    public byte[] SignedBody() => SignedBody(TreeSize, RootHash, Time, KeyId);

    public string ToText() => BodyText(TreeSize, RootHash, Time, KeyId) + $"signature: {Convert.ToBase64String(Signature)}\n";

    /// <summary>Parses the text form strictly: anything but the exact canonical rendering is rejected, so a file
    /// that parses is byte for byte the file that was signed.</summary>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        if (lines.Length != 7 || lines[0] != Header || lines[6].Length != 0)
        {
            throw new FormatException($"A checkpoint is six lines, the first being '{Header}', each ending in a line feed.");
        }

        var checkpoint = new Checkpoint(
            long.Parse(Field(lines[1], "tree-size"), NumberStyles.None, CultureInfo.InvariantCulture),
            Hash256.FromHex(Field(lines[2], "root-hash")),
            DateTimeOffset.ParseExact(Field(lines[3], "time"), _timeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Field(lines[4], "key-id"),
            Convert.FromBase64String(Field(lines[5], "signature")));
        if (checkpoint.ToText() != text)
        {
            throw new FormatException("The checkpoint is not in canonical form (case, spacing or encoding was changed).");
        }

        return checkpoint;
    }

    /// <summary>Truncates to whole seconds, the precision of the text form.</summary>
    public static DateTimeOffset ToCheckpointPrecision(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string BodyText(long treeSize, Hash256 rootHash, DateTimeOffset time, string keyId) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Header}\ntree-size: {treeSize}\nroot-hash: {rootHash}\ntime: {time.UtcDateTime.ToString(_timeFormat, CultureInfo.InvariantCulture)}\nkey-id: {keyId}\n");

    private static string Field(string line, string name)
    {
        var prefix = name + ": ";
        return line.StartsWith(prefix, StringComparison.Ordinal)
            ? line[prefix.Length..]
            : throw new FormatException($"Expected a '{name}:' line, got '{line}'.");
    }
}
