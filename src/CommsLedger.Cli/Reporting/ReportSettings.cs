using System.ComponentModel;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.TimeTravel;
using CommsLedger.Reporting;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reporting;

/// <summary>What every report takes: format, destination, position, the reporting user, and the pinned generated time.</summary>
public class ReportSettings : CommandSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("md (default), html, csv, json or pdf (pdf needs Chromium).")]
    [DefaultValue(ReportFormat.Md)]
    public ReportFormat Format { get; init; } = ReportFormat.Md;

    [CommandOption("--out <FILE|DIR>")]
    [Description("Write to this file, or into this folder (ending in / or existing) under a name with the kind and position. Default: standard output (pdf needs --out).")]
    public string? Out { get; init; }

    [CommandOption("--as-known-at <INSTANT>")]
    [Description("Rebuild as the ledger stood then: only events recorded by then (a bare date means the end of that day, UTC).")]
    public string? AsKnownAt { get; init; }

    [CommandOption("--at-sequence <N>")]
    [Description("Rebuild from the events up to and including ledger sequence N (the position a report names).")]
    public long? AtSequence { get; init; }

    [CommandOption("--on <DATE>")]
    [Description("The day overdue is judged on; default the --as-known-at day, else today (UTC).")]
    public string? On { get; init; }

    [CommandOption("--generated-at <INSTANT>")]
    [Description("Pin the generated line's time (for reproducible files and tests); default now.")]
    public string? GeneratedAt { get; init; }

    [CommandOption("--as-user <NAME>")]
    [Description("Build the report as this ledger user, with their clearance (an unattended job's identity). Default: the local operator, who holds every clearance.")]
    public string? AsUser { get; init; }

    public (ReportAt At, DateOnly On, DateTimeOffset? GeneratedAt) Parse(DateOnly today)
    {
        var errors = new FieldErrors();
        var knownAt = AsOf.ReadInstant(AsKnownAt, "--as-known-at", errors);
        var generatedAt = AsOf.ReadInstant(GeneratedAt, "--generated-at", errors);
        var on = AsOf.ReadDate(On, "--on", errors);
        errors.ThrowIfAny();
        var at = new ReportAt(knownAt, AtSequence);
        return (at, on ?? (knownAt is { } k ? DateOnly.FromDateTime(k.UtcDateTime) : today), generatedAt);
    }
}
