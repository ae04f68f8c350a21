using System.Diagnostics;
using CommsLedger.Application.Topology;
using CommsLedger.EmbeddedPostgres;

namespace CommsLedger.Benchmarks;

/// <summary>Wall time of whole <c>commsledger</c> processes (Release build): <c>--help</c>, and one relationship
/// query against a server that is already running (the seed call recorded by <c>demo</c>), as it started before the
/// schema fingerprint (Marten checking the schema) and after (one query), side by side.</summary>
public static class StartupScenario
{
    public static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings)
    {
        var root = RepositoryRoot();
        var cli = await BuildCli(root);
        var readyToRun = await PublishReadyToRun(root);
        var secrets = Directory.CreateTempSubdirectory("commsledger-bench-secrets-").FullName;
        try
        {
            var connections = await StartupConnections.PrepareAsync(cluster, secrets, connection => Run(root, "dotnet", [cli, "demo"], connection));
            var samples = new Dictionary<string, List<double>>();
            (string Label, string[] Args, StartupConnections.Connection? Connection)[] rows =
            [
                ("commsledger --help", ["--help"], null),
                ("relationship CN-PE: before, Marten checks the schema (a role outside the guard)", ["relationship", "CN-PE"], connections.Unguarded),
                ("relationship CN-PE: after, as commsledger_app, fingerprint matches (one query)", ["relationship", "CN-PE"], connections.App),
                ("relationship CN-PE: after, as a superuser (switches to commsledger_app)", ["relationship", "CN-PE"], connections.Superuser),
                ("relationship CN-PE: as commsledger_app, published ReadyToRun", [readyToRun, "relationship", "CN-PE"], connections.App),
                ("commsledger --help, published ReadyToRun", [readyToRun, "--help"], null),
                ("dotnet --version (process floor)", [], null),
            ];
            for (var i = 0; i < settings.Reps + settings.WarmUps; i++)
            {
                foreach (var (label, args, connection) in rows)
                {
                    var stopwatch = Stopwatch.StartNew();
                    await (args.Length == 0 ? Run(root, "dotnet", ["--version"], null)
                        : args[0].EndsWith(".dll", StringComparison.Ordinal) ? Run(root, "dotnet", args, connection)
                        : Run(root, "dotnet", [cli, .. args], connection));
                    if (i >= settings.WarmUps)
                    {
                        samples.TryAdd(label, []);
                        samples[label].Add(stopwatch.Elapsed.TotalSeconds);
                    }
                }
            }

            var table = new MarkdownTable("command", "wall time, s (median)", "min", "max");
            foreach (var (label, times) in rows.Select(row => (row.Label, samples[row.Label].Order().ToList())))
            {
                table.Row(label, MarkdownTable.Number(times[times.Count / 2], "N2"), MarkdownTable.Number(times[0], "N2"), MarkdownTable.Number(times[^1], "N2"));
            }

            return "startup: whole processes, Release build, server already running, rows interleaved\n" + table + FingerprintCost();
        }
        finally
        {
            Directory.Delete(secrets, recursive: true);
        }
    }

    /// <summary>What working out the schema fingerprint costs — every process paid it before its first query until the
    /// fingerprint was committed with the code: the first call in this process, then the median of five more.</summary>
    private static string FingerprintCost()
    {
        var first = Stopwatch.StartNew();
        SchemaFingerprint.Compute();
        var firstMs = first.Elapsed.TotalMilliseconds;
        var again = Enumerable.Range(0, 5).Select(_ =>
        {
            var stopwatch = Stopwatch.StartNew();
            SchemaFingerprint.Compute();
            return stopwatch.Elapsed.TotalMilliseconds;
        }).Order().ToList();
        return $"\nschema fingerprint worked out in process (no longer done at start-up): first {firstMs:N0} ms, then median {again[2]:N0} ms\n";
    }

    /// <summary>Builds the CLI in Release; the path of its assembly.</summary>
    internal static async Task<string> BuildCli(string root)
    {
        await Run(root, "dotnet", ["build", "-c", "Release", "src/CommsLedger.Cli", "-v", "quiet"], null);
        return Path.Combine(root, "src/CommsLedger.Cli/bin/Release/net10.0/commsledger.dll");
    }

    /// <summary>Publishes the CLI as the README's install command does (ReadyToRun: its assemblies compiled ahead of time,
    /// so a process starts with less JIT work); the path of its assembly.</summary>
    internal static async Task<string> PublishReadyToRun(string root)
    {
        var output = Path.Combine(root, "src/CommsLedger.Cli/bin/Release/ready-to-run");
        await Run(root, "dotnet", ["publish", "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "src/CommsLedger.Cli", "-o", output, "-v", "quiet"], null);
        return Path.Combine(output, "commsledger.dll");
    }

    /// <summary>Runs a process to its end; its standard error (it must succeed).</summary>
    internal static async Task<string> Run(string root, string file, IEnumerable<string> args, StartupConnections.Connection? connection)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (connection is not null)
        {
            start.Environment["COMMSLEDGER_CONNECTION"] = connection.ConnectionString;
            start.Environment["COMMSLEDGER_SECRETS"] = connection.Secrets;
            start.Environment["COMMSLEDGER_LEDGER_KEY"] = Path.Combine(connection.Secrets, "ledger-key.pem");
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }

        await output;
        return await error;
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommsLedger.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
