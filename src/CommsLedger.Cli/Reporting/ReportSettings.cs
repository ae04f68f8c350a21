using System.ComponentModel;
using System.Globalization;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Domain.Shared;
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
        var knownAt = Instant(AsKnownAt, "--as-known-at", errors);
        var generatedAt = Instant(GeneratedAt, "--generated-at", errors);
        var on = Date(On, "--on", errors);
        errors.ThrowIfAny();
        var at = new ReportAt(knownAt, AtSequence);
        return (at, on ?? (knownAt is { } k ? DateOnly.FromDateTime(k.UtcDateTime) : today), generatedAt);
    }

    public static DateOnly? Date(string? raw, string field, FieldErrors errors)
    {
        if (raw is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"'{raw}' is not a date such as 2021-06-30");
        return null;
    }

    private static DateTimeOffset? Instant(string? raw, string field, FieldErrors errors)
    {
        if (raw is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        }

        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        errors.Add(field, $"'{raw}' is not an ISO-8601 instant such as 2020-12-31T00:00Z");
        return null;
    }
}
