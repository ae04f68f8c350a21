using System.Globalization;
using System.Text;

namespace CommsLedger.EmbeddedPostgres;

/// <summary>initdb and pg_ctl for one cluster folder, run under the server account.</summary>
internal sealed class ServerControl(PostgresBinaries binaries, ClusterLayout layout, ServerAccount account)
{
    public const string Superuser = "postgres";
    private const int PgCtlWaitSeconds = 60;
    private const int LogTailLines = 30;
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PgCtlTimeout = TimeSpan.FromSeconds(PgCtlWaitSeconds + 30);

    public async Task InitializeAsync(string password, bool throwAway, CancellationToken cancellationToken)
    {
        await account.WriteServerFileAsync(layout.PasswordFile, password, cancellationToken);
        try
        {
            string[] arguments =
            [
                "-D", layout.Data, "-U", Superuser, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C",
                $"--pwfile={layout.PasswordFile}", .. throwAway ? ["--no-sync"] : Array.Empty<string>(),
            ];
            var result = await account.RunAsync(binaries.InitDb, arguments, layout.Root, InitDbTimeout, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"initdb failed for {layout.Data}: {result.Transcript}");
            }
        }
        finally
        {
            File.Delete(layout.PasswordFile);
        }
    }

    public Task WriteConfigAsync(int port, bool throwAway, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken) =>
        account.WriteServerFileAsync(layout.OwnConfigFile, ServerConfig.Render(port, layout.Data, throwAway, settings), cancellationToken);

    /// <summary>Copies a running primary into this cluster's (empty) data folder as a streaming standby of it:
    /// <c>pg_basebackup -R</c> writes <c>standby.signal</c> and the <c>primary_conninfo</c> it connected with.</summary>
    public async Task BaseBackupAsync(int primaryPort, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-h", "127.0.0.1", "-p", primaryPort.ToString(CultureInfo.InvariantCulture), "-U", Superuser,
            "-D", layout.Data, "-R", "-X", "stream", "--checkpoint=fast", "--no-password",
        ];
        var result = await account.RunAsync("env", [$"PGPASSFILE={layout.PassFile}", binaries.BaseBackup, .. arguments], layout.Root, InitDbTimeout, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_basebackup into {layout.Data} ({binaries.BaseBackup}) failed: {result.Transcript}");
        }
    }

    /// <summary>Ends recovery on a standby: it becomes a primary that accepts writes.</summary>
    public async Task PromoteAsync(CancellationToken cancellationToken)
    {
        var result = await PgCtlAsync(["promote", "-w"], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL in {layout.Data} was not promoted: {result.Transcript}");
        }
    }

    /// <summary>Starts the server and returns its postmaster's process id.</summary>
    public async Task<int> StartAsync(CancellationToken cancellationToken)
    {
        var logLengthBefore = File.Exists(layout.LogFile) ? new FileInfo(layout.LogFile).Length : 0;
        var result = await PgCtlAsync(["start", "-w", "-l", layout.LogFile], cancellationToken);
        if (result.ExitCode != 0 || ReadPostmasterPid() is not { } pid)
        {
            throw new InvalidOperationException(
                $"PostgreSQL in {layout.Data} did not start ({result.Transcript}).{Environment.NewLine}"
                + $"Server log ({layout.LogFile}):{Environment.NewLine}{LogTail(logLengthBefore)}");
        }

        return pid;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var result = await PgCtlAsync(["stop", "-w", "-m", "fast"], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL in {layout.Data} did not stop: {result.Transcript}");
        }
    }

    /// <summary>The postmaster's process id if a server is running from this folder; null if none is
    /// (including after a crash left a stale postmaster.pid behind).</summary>
    public async Task<int?> RunningPostmasterPidAsync(CancellationToken cancellationToken)
    {
        var status = await PgCtlAsync(["status"], cancellationToken);
        return status.ExitCode == 0 ? ReadPostmasterPid() : null;
    }

    /// <summary>The port recorded by whichever server last ran from this folder (it may be dead).</summary>
    public int? ReadPostmasterPort() => ReadPostmasterLine(3);

    private int? ReadPostmasterPid() => ReadPostmasterLine(0);

    // postmaster.pid holds one value per line: pid, data directory, start time, port, socket dir, …
    private int? ReadPostmasterLine(int index)
    {
        if (!File.Exists(layout.PostmasterPidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(layout.PostmasterPidFile);
        return lines.Length > index && int.TryParse(lines[index].Trim(), CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private Task<ProcessResult> PgCtlAsync(string[] arguments, CancellationToken cancellationToken) =>
        account.RunAsync(
            binaries.PgCtl,
            [.. arguments, "-D", layout.Data, "-t", PgCtlWaitSeconds.ToString(CultureInfo.InvariantCulture)],
            layout.Root,
            PgCtlTimeout,
            cancellationToken);

    private string LogTail(long from)
    {
        if (!File.Exists(layout.LogFile))
        {
            return "(no log written)";
        }

        using var log = new FileStream(layout.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        log.Seek(Math.Min(from, log.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(log, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(Environment.NewLine, lines.TakeLast(LogTailLines));
    }
}
