using CommsLedger.Api.Problems;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommsLedger.Api.Health;

/// <summary>What <c>/health/ready</c> asks (ASP.NET Core health checks): the database answers; the standby, when one
/// is configured, answers and is replaying; the Merkle log is not further behind than <see cref="IntegratorLagLimit"/>.</summary>
public static class LedgerHealthChecks
{
    public const long IntegratorLagLimit = 100_000;

    /// <summary>A check that takes longer fails: a database that does not answer in time is as good as down.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddLedgerHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider => new LedgerLag(provider.GetRequiredService<Integrity.LedgerLog>(), LedgerLag.StandbyOf(configuration)));
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration("database", provider => new DatabaseCheck(provider.GetRequiredService<IDocumentStore>()), HealthStatus.Unhealthy, null, CheckTimeout))
            .Add(new HealthCheckRegistration("standby", provider => new StandbyCheck(provider.GetRequiredService<LedgerLag>()), HealthStatus.Unhealthy, null, CheckTimeout))
            .Add(new HealthCheckRegistration("integrator", provider => new IntegratorCheck(provider.GetRequiredService<LedgerLag>()), HealthStatus.Unhealthy, null, CheckTimeout));
        return services;
    }

    private sealed class DatabaseCheck(IDocumentStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var session = store.QuerySession();
                await session.AdvancedSql.QueryAsync<int>("select 1", cancellationToken);
                return HealthCheckResult.Healthy("ok");
            }
            catch (Exception failure) when (DatabaseOutage.CauseOf(failure) is { } cause)
            {
                return HealthCheckResult.Unhealthy(cause, failure);
            }
        }
    }

    private sealed class StandbyCheck(LedgerLag lag) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!lag.HasStandby)
            {
                return HealthCheckResult.Healthy("none configured");
            }

            try
            {
                return HealthCheckResult.Healthy($"{await lag.StandbyAsync(cancellationToken)} bytes behind");
            }
            catch (Exception failure) when (failure is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy(DatabaseOutage.CauseOf(failure) ?? failure.Message, failure);
            }
        }
    }

    private sealed class IntegratorCheck(LedgerLag lag) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                return await lag.IntegratorAsync(cancellationToken) switch
                {
                    null => HealthCheckResult.Healthy("no log yet"),
                    > IntegratorLagLimit and var behind => HealthCheckResult.Unhealthy($"{behind} events not yet in the Merkle log"),
                    var behind => HealthCheckResult.Healthy($"{behind} events not yet in the Merkle log"),
                };
            }
            catch (Exception failure) when (DatabaseOutage.CauseOf(failure) is { } cause)
            {
                return HealthCheckResult.Unhealthy(cause, failure);
            }
        }
    }
}
