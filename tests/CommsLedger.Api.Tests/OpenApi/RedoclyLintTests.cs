using System.Diagnostics;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.OpenApi;

/// <summary>
/// The committed contract passes Redocly CLI 2.77's recommended rules (.redocly.yaml) with no error and no warning
/// except those justified in .redocly.lint-ignore.yaml. .ci/run installs the CLI into .tools/redocly with npm
/// (<c>npm install --prefix .tools/redocly @redocly/cli@2.77.0</c>); skipped only where node is not installed.
/// </summary>
public sealed class RedoclyLintTests
{
    [NodeFact]
    public async Task the_committed_document_passes_the_recommended_rules_without_warnings()
    {
        var redocly = Path.Combine(ContractFiles.Root, ".tools", "redocly", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"Redocly CLI is not installed: run npm install --prefix .tools/redocly @redocly/cli@2.77.0 (as .ci/run does)");

        var lint = new ProcessStartInfo(redocly, ["lint", "--format", "stylish", ContractFiles.CommittedDocument])
        {
            WorkingDirectory = ContractFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
        };
        using var process = Process.Start(lint)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var report = await output + await errors;

        Assert.True(process.ExitCode == 0, report);
        Assert.DoesNotContain("warning", report.Replace("Deprecation warning", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>A fact that is skipped, saying why, on a machine without node.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, "node")));
        if (!onPath)
        {
            Skip = "node is not installed, so Redocly CLI cannot lint the OpenAPI document (apt-get install nodejs npm; .ci/run does)";
        }
    }
}
