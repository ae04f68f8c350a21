using System.ComponentModel;
using CommsLedger.Cli.Rendering;
using CommsLedger.Projections.TimeTravel;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

/// <summary>The two axes of time a reviewer can pin, shared by relationship, pledges, pledge and history.</summary>
public class TimeTravelSettings : OutputSettings
{
    [CommandOption("--as-known-at <INSTANT>")]
    [Description("Only events recorded by then: ISO-8601, e.g. 2020-12-31T00:00Z (a bare date means the end of that day, UTC).")]
    public string? AsKnownAt { get; init; }

    [CommandOption("--as-occurred-by <DATE>")]
    [Description("Only facts that occurred by then, e.g. 2020-12-31.")]
    public string? AsOccurredBy { get; init; }

    public AsOf ToAsOf() => AsOf.Parse(AsKnownAt, AsOccurredBy, "--as-known-at", "--as-occurred-by");
}
