using CommsLedger.Reporting.Scheduling;
using CommsLedger.Api.Hosting;
using Marten;

namespace CommsLedger.Api.Reports;

/// <summary>The report scheduler as a hosted service of the API (and so of the web application), off unless
/// <c>Reports:Schedule</c> names a schedule file (e.g. the environment variable <c>Reports__Schedule=/etc/commsledger/reports.json</c>).
/// A bad file stops the host at start-up with the file's field errors, rather than leaving the jobs silently unrun.
/// Every node runs it; only the holder of the <c>report-scheduler</c> lease schedules (the run log still lets one
/// scheduler run each occurrence, should two overlap for a moment).</summary>
public sealed class ScheduledReports(
    ReportSchedule schedule, IServiceScopeFactory scopes, IDocumentStore store, TimeProvider clock, LeaderLeases leases, ILogger<ScheduledReports> logger)
    : BackgroundService
{
    public const string Setting = "Reports:Schedule";

    public const string LeaseName = "report-scheduler";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leases.For(LeaseName).RunAsync(new ReportScheduler(schedule, scopes, store, clock, logger).RunAsync, stoppingToken);
}

public static class ScheduledReportsRegistration
{
    public static IServiceCollection AddScheduledReports(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[ScheduledReports.Setting] is { Length: > 0 } path)
        {
            services.AddSingleton(ScheduleFile.Load(path));
            services.AddHostedService<ScheduledReports>();
        }

        return services;
    }
}
