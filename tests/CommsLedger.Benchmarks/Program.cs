using System.Diagnostics;
using CommsLedger.Benchmarks;
using CommsLedger.EmbeddedPostgres;

BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchSettings.Usage);
    return 2;
}

Console.WriteLine($"Environment: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {ImportScenario.LoadAverage()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {settings}");
await using var cluster = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.ThrowAway());
if (settings.Scenarios.Contains("append"))
{
    await Report(() => AppendScenario.RunAsync(cluster, settings));
}

if (settings.Scenarios.Contains("import"))
{
    await Report(() => ImportScenario.RunAsync(cluster, settings));
}

if (settings.Scenarios.Contains("rebuild"))
{
    await Report(() => RebuildScenario.RunAsync(cluster, settings));
}

if (settings.Scenarios.Contains("timetravel"))
{
    await Report(() => TimeTravelScenario.RunAsync(cluster, settings));
    await Report(() => ReadModelScenario.RunAsync(cluster, settings));
}

if (settings.Scenarios.Contains("integrity"))
{
    await Report(() => IntegrityScenario.RunAsync(cluster, settings));
}

if (settings.Scenarios.Contains("ingest"))
{
    await Report(() => IngestScenario.RunAsync(settings));
}

if (settings.Scenarios.Contains("search"))
{
    await Report(() => SearchScenario.RunAsync(cluster, settings));
}

if (settings.Scenarios.Contains("reports"))
{
    await Report(() => ReportsScenario.RunAsync(cluster, settings));
}

if (settings.Scenarios.Contains("pages"))
{
    await Report(() => PagesScenario.RunAsync(cluster, settings));
}

if (settings.Scenarios.Contains("startup"))
{
    await Report(() => StartupScenario.RunAsync(cluster, settings));
}

return 0;

static async Task Report(Func<Task<string>> scenario)
{
    var stopwatch = Stopwatch.StartNew();
    var table = await scenario();
    Console.WriteLine(table);
    Console.WriteLine($"(scenario took {stopwatch.Elapsed.TotalSeconds:N0} s; load average {ImportScenario.LoadAverage()})");
    Console.WriteLine();
}
