namespace CommsLedger.Reporting;

/// <summary>Writes a file so that readers see the old one or the new one, never half of either: the bytes go to a
/// temporary file in the same folder, are flushed to disk, then renamed over the target (atomic on one file system).
/// A write that fails or is cancelled part-way removes its temporary file and leaves the target as it was.</summary>
public static class AtomicFile
{
    public static Task Write(string path, byte[] content, CancellationToken cancellationToken) =>
        Write(path, (stream, token) => stream.WriteAsync(content, token).AsTask(), cancellationToken);

    public static async Task Write(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $"{TemporaryPrefix(full)}{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await write(stream, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Removes the temporary files a killed process left beside <paramref name="path"/> (the target itself
    /// is whole: it is only ever replaced by a rename).</summary>
    public static int RemoveLeftovers(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var leftovers = Directory.GetFiles(folder, TemporaryPrefix(full) + "*.tmp");
        foreach (var leftover in leftovers)
        {
            File.Delete(leftover);
        }

        return leftovers.Length;
    }

    private static string TemporaryPrefix(string full) => $".{Path.GetFileName(full)}.";
}
