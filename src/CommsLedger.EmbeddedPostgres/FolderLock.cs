namespace CommsLedger.EmbeddedPostgres;

/// <summary>An exclusive lock on a cluster folder, held while starting or stopping its server, so that
/// several processes opening the same folder do not run initdb or pg_ctl over each other.</summary>
internal static class FolderLock
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);

    public static async Task<IDisposable> AcquireAsync(string lockFile, CancellationToken cancellationToken)
    {
        var giveUpAt = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < giveUpAt)
        {
            // On Unix, FileShare.None takes a non-blocking flock; a holder makes the open throw IOException.
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }

        throw new TimeoutException($"Another process has held {lockFile} for over {Patience.TotalMinutes} minutes.");
    }
}
