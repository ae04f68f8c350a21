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

Console.WriteLine($"Environment: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {settings}");
await using var cluster = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.ThrowAway());
if (settings.Scenarios.Contains("append"))
{
    Console.WriteLine(await AppendScenario.RunAsync(cluster, settings));
}

if (settings.Scenarios.Contains("rebuild"))
{
    Console.WriteLine(await RebuildScenario.RunAsync(cluster, settings));
}

return 0;
