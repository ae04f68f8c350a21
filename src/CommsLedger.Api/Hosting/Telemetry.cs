using System.Diagnostics.Metrics;
using CommsLedger.Api.Health;
using CommsLedger.Application.Observability;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CommsLedger.Api.Hosting;

/// <summary>OpenTelemetry: spans per HTTP request (tagged with the correlation id), per mediator request and per
/// Npgsql command; the ledger's counters and lag gauges. Exported over OTLP only when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the other standard <c>OTEL_*</c> variables); otherwise recorded
/// for in-process listeners only.</summary>
public static class Telemetry
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddLedgerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("commsledger"))
            .WithTracing(tracing => tracing.AddSource(LedgerTelemetry.Name).AddAspNetCoreInstrumentation().AddNpgsql())
            .WithMetrics(metrics => metrics.AddMeter(LedgerTelemetry.Name).AddAspNetCoreInstrumentation());
        if (configuration[EndpointVariable] is { Length: > 0 })
        {
            telemetry.UseOtlpExporter();
        }

        services.AddHostedService<LagGauges>();
        return services;
    }

    /// <summary>The lag gauges, per host (a test process may run several): read when a collector asks.</summary>
    private sealed class LagGauges(IMeterFactory meters, LedgerLag lag, ILogger<LagGauges> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var meter = meters.Create(LedgerTelemetry.Name);
            meter.CreateObservableGauge("commsledger.integrator.lag", () => Observe(lag.IntegratorAsync), "{event}", "Events not yet in the Merkle log");
            meter.CreateObservableGauge("commsledger.replica.lag", () => Observe(lag.StandbyAsync), "By", "Bytes of WAL the standby has not replayed");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private IEnumerable<Measurement<long>> Observe(Func<CancellationToken, Task<long?>> read)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                return read(timeout.Token).GetAwaiter().GetResult() is { } value ? [new Measurement<long>(value)] : [];
            }
            catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or OperationCanceledException)
            {
                logger.LogWarning("Lag gauge not read: {Failure}", failure.Message);
                return [];
            }
        }
    }
}
