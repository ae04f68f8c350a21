using System.Diagnostics;

namespace CommsLedger.Cli.Tests.Integrity;

/// <summary>One run of the real binary, stdout and stderr kept apart: some commands print a file to stdout.</summary>
internal sealed record CliRun(int ExitCode, string StdOut, string StdErr)
{
    public string Output => StdOut + StdErr;

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}

/// <summary>Runs commsledger in a folder of its own with the environment a reviewer would have: a ledger key file,
/// and a database connection or, for the offline commands, none at all.</summary>
internal static class IntegrityCli
{
    public static async Task<CliRun> Run(string folder, string? connectionString, string keyPath, params string[] args)
    {
        using var process = Start(folder, connectionString, keyPath, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the binary with that environment and leaves it running (for <c>--follow</c>); stdout and stderr
    /// are redirected.</summary>
    public static Process Start(string folder, string? connectionString, string keyPath, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "commsledger.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("COMMSLEDGER_CONNECTION");
        if (connectionString is not null)
        {
            start.Environment["COMMSLEDGER_CONNECTION"] = connectionString;
        }

        start.Environment["COMMSLEDGER_LEDGER_KEY"] = keyPath;
        start.Environment["COMMSLEDGER_SECRETS"] = Path.Combine(folder, "secret");
        start.Environment["COMMSLEDGER_USER"] = "cli.tester";
        start.Environment["COLUMNS"] = "200";
        return Process.Start(start)!;
    }
}
