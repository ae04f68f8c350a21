namespace CommsLedger.EmbeddedPostgres;

/// <summary>The OS account PostgreSQL runs under: the current user, or <c>postgres</c> when we are root,
/// because PostgreSQL refuses to run as root.</summary>
internal sealed class ServerAccount(bool isRoot)
{
    private const string PostgresUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Traversable = OwnerOnly
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    // On Unix, IsPrivilegedProcess is geteuid() == 0.
    public static ServerAccount Current { get; } = new(Environment.IsPrivilegedProcess);

    public bool IsRoot { get; } = isRoot;

    public Task<ProcessResult> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken) =>
        IsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", PostgresUser, "--", program, .. arguments], timeout, cancellationToken, workingDirectory)
            : ProcessRunner.RunAsync(program, arguments, timeout, cancellationToken, workingDirectory);

    /// <summary>Creates the cluster folder (if missing) so that the server account owns it and can reach it.</summary>
    public async Task PrepareFolderAsync(string folder, CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            Directory.CreateDirectory(folder, OwnerOnly);
            return;
        }

        CreateTraversableParents(folder);
        Directory.CreateDirectory(folder, OwnerOnly);
        await HandOverAsync(folder, cancellationToken);
        var probe = await RunAsync("test", ["-w", folder], folder, CommandTimeout, cancellationToken);
        if (probe.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The '{PostgresUser}' account cannot write to {folder}. Every parent folder must be traversable "
                + $"by it (chmod o+x), or choose a DataDirectory elsewhere.");
        }
    }

    /// <summary>Writes a file only the server account can read.</summary>
    public async Task WriteServerFileAsync(string path, string content, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(path, content, cancellationToken);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (IsRoot)
        {
            await HandOverAsync(path, cancellationToken);
        }
    }

    private async Task HandOverAsync(string path, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(
            "chown", [$"{PostgresUser}:{PostgresUser}", path], CommandTimeout, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not give {path} to the '{PostgresUser}' account: {result.Transcript}");
        }
    }

    // Set the mode explicitly: a strict umask (077) would otherwise lock the postgres account out.
    private static void CreateTraversableParents(string folder)
    {
        var missing = new Stack<string>();
        for (var parent = Path.GetDirectoryName(folder); parent is not null && !Directory.Exists(parent); parent = Path.GetDirectoryName(parent))
        {
            missing.Push(parent);
        }

        foreach (var parent in missing)
        {
            Directory.CreateDirectory(parent);
            File.SetUnixFileMode(parent, Traversable);
        }
    }
}
