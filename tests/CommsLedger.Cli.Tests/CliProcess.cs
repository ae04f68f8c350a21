using System.Diagnostics;

namespace CommsLedger.Cli.Tests;

/// <summary>Runs the real commsledger binary (built next to the tests) against a given database.</summary>
internal static class CliProcess
{
    public static string ConfigHome { get; } = Path.Combine(AppContext.BaseDirectory, "test-home", ".config");

    public static async Task<(int ExitCode, string Output)> Run(string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "commsledger.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COMMSLEDGER_CONNECTION"] = connectionString;
        // The roles' passwords and the ledger key a first run makes go to the test's own folder, not the user's.
        start.Environment["XDG_CONFIG_HOME"] = ConfigHome;
        start.Environment.Remove("COMMSLEDGER_LEDGER_KEY");
        start.Environment.Remove("COMMSLEDGER_SECRETS");
        start.Environment["COMMSLEDGER_USER"] = "cli.tester";
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
