using System.Text.Json;

namespace CommsLedger.EmbeddedPostgres;

/// <summary>What we must remember about a cluster between runs. Kept readable by the current user only.</summary>
internal sealed record ClusterSettings(int Port, string Password)
{
    public static async Task<ClusterSettings> LoadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<ClusterSettings>(file, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException($"{path} is empty.");
    }

    public async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await using var file = new FileStream(path, options);
        await JsonSerializer.SerializeAsync(file, this, cancellationToken: cancellationToken);
    }
}
