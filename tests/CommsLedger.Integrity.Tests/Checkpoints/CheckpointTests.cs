using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Merkle;

namespace CommsLedger.Integrity.Tests.Checkpoints;

public sealed class CheckpointTests
{
    private static readonly Hash256 _root = Hash256.FromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private static readonly DateTimeOffset _at = new(2026, 1, 31, 9, 30, 0, 250, TimeSpan.Zero);

    [Fact]
    public void a_signed_checkpoint_verifies_with_the_ledger_public_key()
    {
        using var key = LedgerKey.Generate();

        var checkpoint = key.Sign(8, _root, _at);

        Assert.True(key.PublicKey.Verifies(checkpoint));
        Assert.Equal(_at.AddMilliseconds(-250), checkpoint.Time);
    }

    [Fact]
    public void the_text_form_round_trips_and_reads_as_documented()
    {
        using var key = LedgerKey.Generate();
        var checkpoint = key.Sign(8, _root, _at);

        var text = checkpoint.ToText();
        var parsed = Checkpoint.Parse(text);

        Assert.StartsWith(
            $"commsledger-checkpoint/v1\ntree-size: 8\nroot-hash: {_root}\ntime: 2026-01-31T09:30:00Z\nkey-id: {key.KeyId}\nsignature: ",
            text, StringComparison.Ordinal);
        Assert.Equal(text, parsed.ToText());
        Assert.True(key.PublicKey.Verifies(parsed));
    }

    [Fact]
    public void another_key_does_not_verify_it()
    {
        using var key = LedgerKey.Generate();
        using var other = LedgerKey.Generate();

        Assert.False(other.PublicKey.Verifies(key.Sign(8, _root, _at)));
    }

    [Fact]
    public void changing_any_signed_field_breaks_the_signature()
    {
        using var key = LedgerKey.Generate();
        var checkpoint = key.Sign(8, _root, _at);

        Assert.False(key.PublicKey.Verifies(checkpoint with { TreeSize = 9 }));
        Assert.False(key.PublicKey.Verifies(checkpoint with { RootHash = TreeHashing.EmptyRoot }));
        Assert.False(key.PublicKey.Verifies(checkpoint with { Time = _at.AddDays(1) }));
    }

    [Fact]
    public void a_text_that_is_not_canonical_is_rejected()
    {
        using var key = LedgerKey.Generate();
        var text = key.Sign(8, _root, _at).ToText();

        Assert.Throws<FormatException>(() => Checkpoint.Parse(text.Replace(_root.ToString(), _root.ToString().ToUpperInvariant(), StringComparison.Ordinal)));
        Assert.Throws<FormatException>(() => Checkpoint.Parse(text.Replace("tree-size: 8", "tree-size: 08", StringComparison.Ordinal)));
        Assert.Throws<FormatException>(() => Checkpoint.Parse(text.TrimEnd('\n')));
        Assert.Throws<FormatException>(() => Checkpoint.Parse(text.Replace("\n", "\r\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void the_key_round_trips_through_its_pem_file_and_the_public_key_through_its_pem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ledger-key-{Guid.NewGuid():N}", "ledger-key.pem");
        try
        {
            using var key = LedgerKey.Generate();
            key.Save(path);
            using var loaded = LedgerKey.Load(path);
            using var reviewer = LedgerPublicKey.FromPem(key.ExportPublicKeyPem());

            Assert.Equal(key.KeyId, loaded.KeyId);
            Assert.Equal(key.KeyId, reviewer.KeyId);
            Assert.True(reviewer.Verifies(loaded.Sign(1, _root, _at)));
            Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key.ExportPublicKeyPem(), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            Assert.Throws<IOException>(() => key.Save(path));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
