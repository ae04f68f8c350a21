using System.ComponentModel;
using CommsLedger.Cli.Hosting;
using CommsLedger.Reporting.Scheduling;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reporting;

public sealed class ScheduleSettings : CommandSettings
{
    [CommandOption("--config <FILE>")]
    [Description("The schedule file (reports.json): folder, retries, backoffSeconds and the jobs (README \"Scheduled reports\").")]
    public string Config { get; init; } = "";

    [CommandOption("--once")]
    [Description("Run every job now, once, and exit (exit code 2 when a job failed).")]
    public bool Once { get; init; }

    public override Spectre.Console.ValidationResult Validate() => Config.Length == 0
        ? Spectre.Console.ValidationResult.Error("--config is required: the schedule file, e.g. --config reports.json")
        : Spectre.Console.ValidationResult.Success();
}

/// <summary>The report scheduler in the foreground until Ctrl+C; every run is logged on standard error with its
/// ledger position, and recorded in the ledger's run log.</summary>
public sealed class ScheduleCommand : AsyncCommand<ScheduleSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ScheduleSettings settings, CancellationToken cancellationToken)
    {
        var schedule = ScheduleFile.Load(settings.Config);
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        using var logging = LoggerFactory.Create(builder => builder
            .AddSimpleConsole(options => (options.SingleLine, options.TimestampFormat) = (true, "yyyy-MM-dd'T'HH:mm:ss'Z' "))
            .AddFilter("CommsLedger", LogLevel.Information)
            .AddFilter((category, _) => category?.StartsWith("CommsLedger", StringComparison.Ordinal) == true)
            .Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
        var scheduler = new ReportScheduler(schedule, ledger.Services.GetRequiredService<IServiceScopeFactory>(), ledger.Services.GetRequiredService<IDocumentStore>(),
            TimeProvider.System, logging.CreateLogger("CommsLedger.Reports.Scheduler"));
        if (settings.Once)
        {
            var results = await scheduler.RunAllNow(cancellationToken);
            return results.Any(r => r.Verdict == RunVerdict.Failed) ? ExitCodes.Validation : ExitCodes.Ok;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await scheduler.RunAsync(stop.Token);
        return ExitCodes.Ok;
    }
}
