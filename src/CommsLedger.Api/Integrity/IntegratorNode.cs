using CommsLedger.Api.Hosting;
using CommsLedger.Application.Topology;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Storage;

namespace CommsLedger.Api.Integrity;

/// <summary>The Merkle integrator as a hosted service of every API (and web) node that holds the ledger key: on when
/// <c>Integrity:Key</c> (environment <c>Integrity__Key</c>, else <c>COMMSLEDGER_LEDGER_KEY</c>) names the key file.
/// Every node runs it; only the holder of the <c>integrator</c> <see cref="LeaderLease"/> integrates.</summary>
public sealed class IntegratorNode(LedgerLog log, LedgerKey key, IntegratorOptions options, LeaderLeases leases, ILogger<IntegratorNode> logger)
    : BackgroundService
{
    public const string Setting = "Integrity:Key";

    public const string LeaseName = "integrator";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leases.For(LeaseName).RunAsync(IntegrateAsync, stoppingToken);

    private async Task IntegrateAsync(CancellationToken leading)
    {
        await LogTables.EnsureAsync(log.DataSource, LedgerLog.Schema, leading);
        await new MerkleIntegrator(log.DataSource, key, options with { Schema = LedgerLog.Schema }).RunAsync(
            failure => logger.LogWarning("Integrator: storage error, retrying: {Failure}", failure.Message),
            anomaly => logger.LogWarning("Integrator: recorded time out of order: {Anomaly}", anomaly.Message),
            leading);
    }

    public override void Dispose()
    {
        key.Dispose();
        base.Dispose();
    }
}

public static class IntegratorNodeRegistration
{
    public static IServiceCollection AddIntegratorNode(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration[IntegratorNode.Setting] is { Length: > 0 } configured
            ? configured
            : Environment.GetEnvironmentVariable(LedgerKey.PathVariable);
        if (path is { Length: > 0 })
        {
            services.AddSingleton(_ => LedgerKey.Load(path));
            services.AddSingleton(new IntegratorOptions());
            services.AddHostedService<IntegratorNode>();
        }

        return services;
    }
}
