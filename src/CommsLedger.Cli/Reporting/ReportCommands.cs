using System.ComponentModel;
using CommsLedger.Application.Reports.Activity;
using CommsLedger.Application.Reports.Brief;
using CommsLedger.Application.Reports.Overdue;
using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.TimeTravel;
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
        var since = AsOf.ReadDate(settings.Since, "--since", errors);
        errors.ThrowIfAny();
        return ReportOutput.Run(console, settings, p => new BuildBrief(settings.Key, p.On, since, settings.Contacts, p.At, p.Progress),
            "brief-" + settings.Key.ToUpperInvariant(), cancellationToken);
    }
}

public sealed class ScorecardReportCommand(IAnsiConsole console) : AsyncCommand<ReportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken) =>
        ReportOutput.Run(console, settings, p => new BuildScorecard(p.At, p.Progress), "scorecard", cancellationToken);
}

public sealed class OverdueSettings : ReportSettings
{
    [CommandOption("--relationship <KEY>")]
    [Description("Only this relationship, e.g. CN-PE.")]
    public string? Relationship { get; init; }

    [CommandOption("--owner <NAME>")]
    [Description("Only this owner's follow-ups (case does not matter).")]
    public string? Owner { get; init; }
}

public sealed class OverdueReportCommand(IAnsiConsole console) : AsyncCommand<OverdueSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, OverdueSettings settings, CancellationToken cancellationToken) =>
        ReportOutput.Run(console, settings, p => new BuildOverdue(p.On, settings.Relationship, settings.Owner, p.At, p.Progress),
            "overdue" + (settings.Relationship is { } key ? "-" + key.ToUpperInvariant() : ""), cancellationToken);
}

public sealed class ActivitySettings : ReportSettings
{
    [CommandOption("--per <GROUPING>")]
    [Description("relationship (default) or party.")]
    [DefaultValue(ActivityGrouping.Relationship)]
    public ActivityGrouping Per { get; init; } = ActivityGrouping.Relationship;

    [CommandOption("--relationship <KEY>")]
    [Description("Only this relationship, e.g. CN-PE.")]
    public string? Relationship { get; init; }

    [CommandOption("--party <CODE>")]
    [Description("Only this party, e.g. CN.")]
    public string? Party { get; init; }

    [CommandOption("--from <MONTH>")]
    [Description("First month, e.g. 2020-01 (default: the first with activity).")]
    public string? From { get; init; }

    [CommandOption("--to <MONTH>")]
    [Description("Last month, e.g. 2021-12 (default: the last with activity).")]
    public string? To { get; init; }
}

public sealed class ActivityReportCommand(IAnsiConsole console) : AsyncCommand<ActivitySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ActivitySettings settings, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var from = Months.Parse(settings.From, "--from", errors);
        var to = Months.Parse(settings.To, "--to", errors);
        errors.ThrowIfAny();
        var subject = settings.Relationship ?? settings.Party;
        return ReportOutput.Run(console, settings, p => new BuildActivity(settings.Per, settings.Relationship, settings.Party, from, to, p.At, p.Progress),
            "activity" + (subject is null ? "" : "-" + subject.ToUpperInvariant()), cancellationToken);
    }
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
            report.AddCommand<OverdueReportCommand>("overdue")
                .WithDescription("Every overdue follow-up, grouped by owner and relationship, oldest first.")
                .WithExample("report", "overdue", "--on", "2021-06-30")
                .WithExample("report", "overdue", "--owner", "Health cooperation desk", "--format", "csv");
            report.AddCommand<ScorecardReportCommand>("scorecard")
                .WithDescription("Compliance on the G7 Research Group scale per party, relationship and topic.")
                .WithExample("report", "scorecard", "--format", "csv")
                .WithExample("report", "scorecard", "--as-known-at", "2021-06-30", "--as-user", "reporter.c");
            report.AddCommand<ActivityReportCommand>("activity")
                .WithDescription("Interactions and commitments per month per relationship (or per party), with a chart in html and pdf.")
                .WithExample("report", "activity", "--format", "html", "--out", "reports/")
                .WithExample("report", "activity", "--per", "party", "--party", "CN", "--from", "2020-01", "--to", "2021-12");
            report.AddCommand<ScheduleCommand>("schedule")
                .WithDescription("Run the reports of a schedule file on their cron expressions, each written atomically into its folder; --once runs every job now.")
                .WithExample("report", "schedule", "--config", "reports.json")
                .WithExample("report", "schedule", "--config", "reports.json", "--once");
        });
        return config;
    }
}
