using System.ComponentModel;
using System.Globalization;
using CommsLedger.Cli.Rendering;
using CommsLedger.Domain.Shared;
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

    public AsOf ToAsOf()
    {
        var errors = new FieldErrors();
        DateTimeOffset? knownAt = null;
        DateOnly? occurredBy = null;
        if (AsKnownAt is { } rawKnown)
        {
            if (DateOnly.TryParseExact(rawKnown, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                knownAt = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
            }
            else if (DateTimeOffset.TryParse(rawKnown, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            {
                knownAt = instant;
            }
            else
            {
                errors.Add("--as-known-at", $"'{rawKnown}' is not an ISO-8601 instant such as 2020-12-31T00:00Z");
            }
        }

        if (AsOccurredBy is { } rawOccurred)
        {
            if (DateOnly.TryParseExact(rawOccurred, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                occurredBy = date;
            }
            else
            {
                errors.Add("--as-occurred-by", $"'{rawOccurred}' is not a date such as 2020-12-31");
            }
        }

        errors.ThrowIfAny();
        return new AsOf(knownAt, occurredBy);
    }
}
