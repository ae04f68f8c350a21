using System.Globalization;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Projections.TimeTravel;

/// <summary>
/// The two axes of time a reviewer can pin (see DOMAIN.md): <paramref name="KnownAt"/> keeps only events
/// the ledger had recorded by then; <paramref name="OccurredBy"/> keeps only facts that happened by then.
/// Either, both or neither may be set.
/// </summary>
public sealed record AsOf(DateTimeOffset? KnownAt, DateOnly? OccurredBy)
{
    public static readonly AsOf Now = new(null, null);

    public bool IsNow => KnownAt is null && OccurredBy is null;

    /// <summary>The two axes as every edge reads them from text: an ISO-8601 instant (a bare date means the end of that
    /// day, UTC) and a date (yyyy-MM-dd). What does not read is a <see cref="CommandRejected"/> naming its field as
    /// the edge calls it.</summary>
    public static AsOf Parse(string? knownAt, string? occurredBy, string knownAtField, string occurredByField)
    {
        var errors = new FieldErrors();
        var asOf = new AsOf(ReadInstant(knownAt, knownAtField, errors), ReadDate(occurredBy, occurredByField, errors));
        errors.ThrowIfAny();
        return asOf;
    }

    public override string ToString() => IsNow
        ? "now"
        : string.Join(", ", new[]
        {
            KnownAt is { } k ? "as known at " + k.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null,
            OccurredBy is { } o ? "as occurred by " + DateText.Write(o) : null,
        }.Where(s => s is not null));

    /// <summary>An instant as the "known at" axis reads it; null (and a field error) when it does not read.</summary>
    public static DateTimeOffset? ReadInstant(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateText.TryRead(text, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        errors.Add(field, $"'{text}' is not an ISO-8601 instant such as 2020-12-31T00:00Z (or a date)");
        return null;
    }

    /// <summary>A date as the "occurred by" axis reads it; null (and a field error) when it does not read.</summary>
    public static DateOnly? ReadDate(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateText.TryRead(text, out var date))
        {
            return date;
        }

        errors.Add(field, $"'{text}' is not a date (yyyy-MM-dd)");
        return null;
    }
}
