using System.Diagnostics;
using CommsLedger.Api.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace CommsLedger.Api.Tests.Deployment;

/// <summary>The deployment files in the source tree (docker-compose.yml, deploy/, the Dockerfiles), read as compose
/// reads them: YAML with anchors and merge keys (<c>&lt;&lt;: *ledger-connection</c>) resolved.</summary>
internal static class DeploymentFiles
{
    public static string ComposePath => Path.Combine(ContractFiles.Root, "docker-compose.yml");

    public static string DeployFolder => Path.Combine(ContractFiles.Root, "deploy");

    public static Yaml Compose() => Yaml.Parse(File.ReadAllText(ComposePath));

    /// <summary>docker-compose.yml and deploy/ (without any secrets made here) copied to a new temporary folder.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static string CopyToTemporaryFolder()
    {
        var folder = Directory.CreateTempSubdirectory("commsledger-deploy-").FullName;
        File.Copy(ComposePath, Path.Combine(folder, "docker-compose.yml"));
        foreach (var file in Directory.EnumerateFiles(DeployFolder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(DeployFolder, file);
            if (relative.StartsWith("secrets" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(folder, "deploy", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }

        return folder;
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await errors);
    }
}

/// <summary>A node of a parsed YAML document: a mapping, a sequence, a scalar or nothing.</summary>
internal sealed class Yaml(object? value)
{
    public static Yaml Parse(string text) =>
        new(new DeserializerBuilder().Build().Deserialize<object>(new MergingParser(new Parser(new StringReader(text)))));

    public Yaml this[string key] => new(value is IDictionary<object, object> map && map.TryGetValue(key, out var found) ? found : null);

    public bool Exists => value is not null;

    public string? Text => value as string;

    public IReadOnlyList<string> Keys => value is IDictionary<object, object> map ? [.. map.Keys.Select(k => k.ToString()!)] : [];

    public IReadOnlyList<Yaml> Items => value is IList<object> list ? [.. list.Select(item => new Yaml(item))] : [];

    /// <summary>A sequence of scalars (a command, a list of secrets).</summary>
    public IReadOnlyList<string> Texts => [.. Items.Select(item => item.Text ?? item["source"].Text ?? "")];

    /// <summary>A mapping of scalars (an environment).</summary>
    public IReadOnlyDictionary<string, string> Map => Keys.ToDictionary(k => k, k => this[k].Text ?? "");
}
