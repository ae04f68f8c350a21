using System.Security.Cryptography;
using System.Text.Json;

namespace CommsLedger.EmbeddedPostgres;

/// <summary>The passwords of the ledger's two database roles (the schema owner and the application), generated on
/// first use and kept in a file only the current user can read (0600). They are never printed or logged: whoever
/// needs them reads this file.</summary>
public sealed record RolePasswords(string Owner, string App)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    public static RolePasswords Generate() =>
        new(RandomNumberGenerator.GetHexString(40, lowercase: true), RandomNumberGenerator.GetHexString(40, lowercase: true));

    /// <summary>The passwords kept at <paramref name="path"/>, made and kept there first if there are none. Two
    /// processes starting at once agree on one pair: the file is created exclusively, and the loser reads the winner's.</summary>
    public static async Task<RolePasswords> LoadOrCreateAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var giveUpAt = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await TryLoadAsync(path, cancellationToken) is { } kept)
            {
                return kept;
            }

            var fresh = Generate();
            if (await fresh.TryCreateAsync(path, cancellationToken))
            {
                return fresh;
            }

            // Another process is writing the file right now.
            if (DateTime.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"{path} stayed empty for {Patience.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>Replaces the kept passwords (after a superuser reset them on a server that had other ones).</summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var file = new FileStream(temporary, OwnerOnlyCreate(FileMode.CreateNew)))
        {
            await JsonSerializer.SerializeAsync(file, this, cancellationToken: cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public override string ToString() => "RolePasswords { (hidden) }";

    private async Task<bool> TryCreateAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new FileStream(path, OwnerOnlyCreate(FileMode.CreateNew));
            await JsonSerializer.SerializeAsync(file, this, cancellationToken: cancellationToken);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    private static async Task<RolePasswords?> TryLoadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<RolePasswords>(file, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or JsonException)
        {
            return null;
        }
    }

    private static FileStreamOptions OwnerOnlyCreate(FileMode mode) => new()
    {
        Mode = mode,
        Access = FileAccess.Write,
        UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
    };
}
