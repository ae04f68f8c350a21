using System.ComponentModel;
using CommsLedger.Application.Reports.Brief;
using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Domain.Shared;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reporting;

public sealed class BriefSettings : ReportSettings
{
    [CommandArgument(0, "<KEY>")]
    [Description("The relationship, e.g. CN-PE.")]
    public string Key { get; init; } = "";

    [CommandOption("--since <DATE>")]
    [Description("List corrections and retractions recorded since this day; default 90 days before --on.")]
    public string? Since { get; init; }

    [CommandOption("--contacts <N>")]
    [Description("How many of the latest contacts to list (default 5).")]
    [DefaultValue(5)]
    public int Contacts { get; init; } = 5;
}

public sealed class BriefReportCommand(IAnsiConsole console) : AsyncCommand<BriefSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, BriefSettings settings, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var since = ReportSettings.Date(settings.Since, "--since", errors);
        errors.ThrowIfAny();
        return ReportOutput.Run(console, settings, p => new BuildBrief(settings.Key, p.On, since, settings.Contacts, p.At),
            "brief-" + settings.Key.ToUpperInvariant(), cancellationToken);
    }
}

public sealed class ScorecardReportCommand(IAnsiConsole console) : AsyncCommand<ReportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken) =>
        ReportOutput.Run(console, settings, p => new BuildScorecard(p.At), "scorecard", cancellationToken);
}

public static class ReportCommands
{
    public static IConfigurator AddReportCommands(this IConfigurator config)
    {
        config.AddBranch("report", report =>
        {
            report.SetDescription("Reports for people who never saw the data come in: each names its ledger position and clearance, and rebuilds identically.");
            report.AddCommand<BriefReportCommand>("brief")
                .WithDescription("One relationship: last contacts, pledges by each side with status and compliance, open and overdue follow-ups, recent corrections and retractions.")
                .WithExample("report", "brief", "CN-PE")
                .WithExample("report", "brief", "CN-PE", "--format", "html", "--out", "reports/")
                .WithExample("report", "brief", "CN-PE", "--at-sequence", "42", "--on", "2021-01-01", "--generated-at", "2021-01-01T00:00Z");
            report.AddCommand<ScorecardReportCommand>("scorecard")
                .WithDescription("Compliance on the G7 Research Group scale per party, relationship and topic.")
                .WithExample("report", "scorecard", "--format", "csv")
                .WithExample("report", "scorecard", "--as-known-at", "2021-06-30", "--as-user", "reporter.c");
        });
        return config;
    }
}
