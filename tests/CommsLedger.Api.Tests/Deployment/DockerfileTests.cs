using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Deployment;

/// <summary>Every Dockerfile docker-compose.yml builds: two stages (the .NET 10 SDK builds from the clean source
/// tree, a runtime image runs), an unprivileged user, a health check, and the published program as entry point.
/// No image is built here (no Docker engine on the development machines).</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string, string, string> Images => new()
    {
        { "src/CommsLedger.Web/Dockerfile", "mcr.microsoft.com/dotnet/aspnet:10.0", "CommsLedger.Web.dll" },
        { "src/CommsLedger.Cli/Dockerfile", "mcr.microsoft.com/dotnet/runtime:10.0", "commsledger.dll" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void the_image_is_built_by_the_sdk_and_runs_unprivileged_with_a_health_check(string dockerfile, string runtime, string program)
    {
        var lines = Instructions(dockerfile);
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", $"FROM {runtime}"], stages);
        var project = Path.GetDirectoryName(dockerfile)!;
        Assert.Contains($"RUN dotnet publish {project} -c Release -o /app --nologo", lines);
        Assert.Contains("COPY --from=build /app .", lines);

        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0", "root:root" });
        Assert.True(lines.IndexOf(lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))) > lines.FindLastIndex(l => l.StartsWith("RUN ", StringComparison.Ordinal)),
            "nothing runs as root after USER");
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.Contains(" CMD ", StringComparison.Ordinal));
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{program}\"]", lines);
    }

    [Fact]
    public void every_dockerfile_compose_builds_is_checked_here()
    {
        var services = DeploymentFiles.Compose()["services"];
        var built = services.Keys.Select(name => services[name]["build"]["dockerfile"].Text).OfType<string>().Distinct().Order();
        Assert.Equal(Images.Select(row => (string)row[0]).Order(), built);
    }

    [Fact]
    public void the_build_context_leaves_out_build_output_tests_and_secrets()
    {
        var ignored = File.ReadAllLines(Path.Combine(ContractFiles.Root, ".dockerignore"));
        foreach (var pattern in new[] { ".git", "**/bin", "**/obj", "tests", "deploy/secrets" })
        {
            Assert.Contains(pattern, ignored);
        }

        Assert.DoesNotContain(ignored, l => l.Trim() is "src" or "projections" or "Directory.Build.props" or "Directory.Packages.props");
    }

    // Instructions with their continuation lines joined, comments and blank lines dropped.
    private static List<string> Instructions(string dockerfile)
    {
        var text = File.ReadAllText(Path.Combine(ContractFiles.Root, dockerfile)).Replace("\\\n", " ", StringComparison.Ordinal);
        return [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }
}
