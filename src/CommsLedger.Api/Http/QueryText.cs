using System.Globalization;
using CommsLedger.Application.Interactions.Importing;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.TimeTravel;

namespace CommsLedger.Api.Http;

/// <summary>Reads query-string and body values that arrive as text; a bad one is a 400 naming its field.
/// The spellings are the CLI's: dates yyyy-MM-dd, instants ISO-8601, kinds and statuses kebab-case.</summary>
public static class QueryText
{
    public static AsOf AsOf(string? asKnownAt, string? asOccurredBy)
    {
        var errors = new FieldErrors();
        DateTimeOffset? knownAt = null;
        if (asKnownAt is { } rawKnown)
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
                errors.Add("asKnownAt", $"'{rawKnown}' is not an ISO-8601 instant such as 2020-12-31T00:00Z (or a date)");
            }
        }

        var occurredBy = asOccurredBy is null ? null : FileNames.Date(asOccurredBy, "asOccurredBy", errors);
        errors.ThrowIfAny();
        return new AsOf(knownAt, occurredBy);
    }

    public static DateOnly? Date(string? text, string field) => text is null ? null : Checked(errors => FileNames.Date(text, field, errors));

    public static DateOnly DateOrToday(string? text, string field, TimeProvider clock) => Date(text, field) ?? Today(clock);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static string? Relationship(string? key, string field = "relationship") =>
        key is null ? null : RelationshipKey.Parse(key, out var problem) ?? throw new CommandRejected([new FieldError(field, problem!)]);

    public static string? Party(string? code, string field) =>
        code is null ? null : PartyCode.Normalise(code, out var problem) ?? throw new CommandRejected([new FieldError(field, problem!)]);

    public static TEnum? Choice<TEnum>(string? text, string field)
        where TEnum : struct, Enum =>
        text is null ? null : Checked(errors => FileNames.Choice<TEnum>(text, field, errors));

    public static int? Number(string? text, string field, int min, int max)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new CommandRejected([new FieldError(field, $"'{text}' is not a whole number from {min} to {max}")]);
    }

    public static bool Flag(string? text, string field) =>
        text is not null && (bool.TryParse(text, out var flag) ? flag : throw new CommandRejected([new FieldError(field, $"'{text}' is not true or false")]));

    private static T Checked<T>(Func<FieldErrors, T> read)
    {
        var errors = new FieldErrors();
        var value = read(errors);
        errors.ThrowIfAny();
        return value;
    }
}
