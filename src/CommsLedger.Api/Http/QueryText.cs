using System.Globalization;
using CommsLedger.Application;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.TimeTravel;

namespace CommsLedger.Api.Http;

/// <summary>Reads query-string and body values that arrive as text; a bad one is a 400 naming its field.
/// The spellings are the CLI's: dates yyyy-MM-dd, instants ISO-8601, kinds and statuses kebab-case.</summary>
public static class QueryText
{
    public static AsOf AsOf(string? asKnownAt, string? asOccurredBy) => Projections.TimeTravel.AsOf.Parse(asKnownAt, asOccurredBy, "asKnownAt", "asOccurredBy");

    public static DateOnly? Date(string? text, string field) => text is null ? null : Checked(errors => FileNames.Date(text, field, errors));

    public static DateOnly DateOrToday(string? text, string field, TimeProvider clock) => Date(text, field) ?? Today(clock);

    public static DateOnly Today(TimeProvider clock) => clock.Today();

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
