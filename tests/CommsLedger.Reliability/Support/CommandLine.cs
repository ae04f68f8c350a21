using System.Diagnostics;

namespace CommsLedger.Reliability.Support;

/// <summary>The real <c>commsledger</c> binary (built next to the suite), as an operator runs it against a ledger.</summary>
public sealed class CommandLine(string connectionString) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("commsledger-reliability-").FullName;

    /// <summary>Where the API and the CLI started by the suite keep the ledger roles' passwords they generate (one file
    /// per server, shared by both so neither resets the other's), not in the user's home.</summary>
    public static string Secrets { get; } = Path.Combine(AppContext.BaseDirectory, "test-home", "secrets");

    private string KeyPath => Path.Combine(_folder, "ledger-key.pem");

    public async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Binary);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COMMSLEDGER_CONNECTION"] = connectionString;
        start.Environment["COMMSLEDGER_SECRETS"] = Secrets;
        start.Environment["COMMSLEDGER_LEDGER_KEY"] = KeyPath;
        start.Environment["COMMSLEDGER_USER"] = "reliability";
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The CLI as built in its own folder: tests/CommsLedger.Reliability/bin/{configuration}/{framework}/ maps to
    /// src/CommsLedger.Cli/bin/{configuration}/{framework}/.</summary>
    private static string Binary
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration, root) = (here.Name, here.Parent!.Name, here.Parent.Parent!.Parent!.Parent!.Parent!.FullName);
            return Path.Combine(root, "src", "CommsLedger.Cli", "bin", configuration, framework, "commsledger.dll");
        }
    }

    public async Task<string> Succeeds(params string[] args)
    {
        var (exitCode, output) = await Run(args);
        Assert.True(exitCode == 0, $"commsledger {string.Join(' ', args)}: exit {exitCode}\n{output}");
        return output;
    }

    /// <summary><c>replay --check</c>, then (with a new ledger key) <c>integrate</c> (again while it waits on a hole left by a
    /// killed append: holes are skipped once their transaction is gone and the grace has passed) and <c>verify</c>.</summary>
    public async Task<string> ReplayIntegrateAndVerify()
    {
        var replay = await Succeeds("replay", "--check");
        using (var key = Integrity.Checkpoints.LedgerKey.Generate())
        {
            key.Save(KeyPath);
        }

        var integrated = await Succeeds("integrate");
        for (var round = 0; round < 5 && integrated.Contains("Waiting for sequence", StringComparison.Ordinal); round++)
        {
            await Task.Delay(TimeSpan.FromSeconds(6));
            integrated = await Succeeds("integrate");
        }

        var verified = await Succeeds("verify");
        Assert.Contains("Intact", verified, StringComparison.Ordinal);
        Assert.Contains(" 0 pending", verified, StringComparison.Ordinal);
        return string.Join("\n", replay.Trim(), integrated.Trim(), verified.Trim());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
