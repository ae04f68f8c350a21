using CommsLedger.Integrity.Checkpoints;

namespace CommsLedger.Api.Tests.Deployment;

/// <summary>
/// deploy/make-secrets.sh makes every file the compose file takes a secret from, and compose itself accepts the file
/// (<c>docker compose config</c>, or Debian's <c>docker-compose config</c>, which check it without a Docker engine).
/// Both run on a copy of docker-compose.yml and deploy/ in a temporary folder, so no secret is made in the tree.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ComposeConfigTests : IDisposable
{
    private readonly string _folder = DeploymentFiles.CopyToTemporaryFolder();

    private string Secrets => Path.Combine(_folder, "deploy", "secrets");

    [Fact]
    public async Task make_secrets_makes_each_file_once_readable_through_a_private_folder()
    {
        var first = await MakeSecretsAsync();
        var compose = Yaml.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "docker-compose.yml")));
        var named = compose["secrets"].Keys.Select(name => compose["secrets"][name]["file"].Text!)
            .Append("./deploy/secrets/ledger-public.pem").ToArray();
        foreach (var file in named)
        {
            Assert.True(File.Exists(Path.Combine(_folder, file)), $"{file} was not made");
            Assert.Contains(file["./deploy/".Length..], first);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Secrets));
        var password = await File.ReadAllTextAsync(Path.Combine(Secrets, "ledger-app-password"));
        Assert.Matches("^[0-9a-f]{40}$", password);
        Assert.DoesNotContain(password, first, StringComparison.Ordinal);

        using var key = LedgerKey.Load(Path.Combine(Secrets, "ledger-key.pem"));
        var published = LedgerPublicKey.FromPem(await File.ReadAllTextAsync(Path.Combine(Secrets, "ledger-public.pem")));
        Assert.Equal(key.KeyId, published.KeyId);

        var before = Directory.GetFiles(Secrets).ToDictionary(f => f, File.ReadAllBytes);
        Assert.Equal("", await MakeSecretsAsync());
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }

    [ComposeFact]
    public async Task compose_accepts_the_file_and_resolves_the_topology()
    {
        await MakeSecretsAsync();
        var (exitCode, output, errors) = await ComposeAsync("config");
        Assert.True(exitCode == 0, errors);

        var services = Yaml.Parse(output)["services"];
        // docker-compose 1.x renders profiled services too (marked), compose v2 leaves them out.
        Assert.Equal(["app", "db-primary", "db-standby", "integrator", "scheduler"], services.Keys.Where(name => !services[name]["profiles"].Exists).Order());
        Assert.Equal("2", services["app"]["deploy"]["replicas"].Text);
        Assert.Contains("/run/secrets/ledger_app_password", services["integrator"]["environment"].Map.Values);

        var (demoExit, demo, demoErrors) = await ComposeAsync("--profile", "demo", "--profile", "tools", "config", "--services");
        Assert.True(demoExit == 0, demoErrors);
        Assert.Equal(["app", "cli", "db-primary", "db-standby", "demo", "demo-db", "integrator", "scheduler"],
            demo.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order());
    }

    [ComposeFact]
    public async Task compose_refuses_a_file_that_is_not_one()
    {
        var path = Path.Combine(_folder, "docker-compose.yml");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("    deploy:\n      replicas: 2", "    replicas: 2", StringComparison.Ordinal));
        var (exitCode, _, errors) = await ComposeAsync("config", "--quiet");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("replicas", errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> MakeSecretsAsync()
    {
        var (exitCode, output, errors) = await DeploymentFiles.RunAsync("bash", [Path.Combine(_folder, "deploy", "make-secrets.sh")], _folder);
        Assert.True(exitCode == 0, errors);
        return output;
    }

    private Task<(int ExitCode, string Output, string Errors)> ComposeAsync(params string[] arguments)
    {
        var (program, prefix) = ComposeFactAttribute.Command!.Value;
        return DeploymentFiles.RunAsync(program, [.. prefix, "--file", Path.Combine(_folder, "docker-compose.yml"), .. arguments], _folder);
    }
}

/// <summary>A fact that is skipped, saying why, on a machine with neither <c>docker compose</c> nor
/// <c>docker-compose</c>; .ci/run installs Debian's docker-compose.</summary>
public sealed class ComposeFactAttribute : FactAttribute
{
    public ComposeFactAttribute()
    {
        if (Command is null)
        {
            Skip = "neither `docker compose` nor `docker-compose` is installed, so compose's own check of docker-compose.yml did not run "
                + "(apt-get install docker-compose; .ci/run does)";
        }
    }

    /// <summary>The compose command found on this machine: the docker CLI's plugin first, then Debian's docker-compose.</summary>
    public static (string Program, string[] Prefix)? Command { get; } = Find();

    private static (string, string[])? Find()
    {
        (string, string[])[] candidates = [("docker", ["compose"]), ("docker-compose", [])];
        foreach (var (program, prefix) in candidates)
        {
            try
            {
                var (exitCode, _, _) = DeploymentFiles.RunAsync(program, [.. prefix, "version"], Path.GetTempPath()).GetAwaiter().GetResult();
                if (exitCode == 0)
                {
                    return (program, prefix);
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed.
            }
        }

        return null;
    }
}
