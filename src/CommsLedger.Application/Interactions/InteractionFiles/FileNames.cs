using System.Globalization;
using CommsLedger.Application.Wire;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Interactions.InteractionFiles;

/// <summary>How dates, times, kinds and classifications are spelled in files and on the command line:
/// yyyy-MM-dd, HH:mm, kebab-case kinds (phone-call) and classifications (top-secret; TOP SECRET still reads).
/// A value that does not read is reported under its field and a default stands in for it.</summary>
public static class FileNames
{
    public static string Date(DateOnly date) => DateText.Write(date);

    public static DateOnly? Date(string text, string field, FieldErrors errors)
    {
        if (DateText.TryRead(text, out var date))
        {
            return date;
        }

        errors.Add(field, $"'{text}' is not a date (yyyy-MM-dd)");
        return default(DateOnly);
    }

    public static DateOnly RequiredDate(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "is required (yyyy-MM-dd)");
            return default;
        }

        return Date(text, field, errors) ?? default;
    }

    public static TimeOnly? Time(string text, string field, FieldErrors errors)
    {
        // HH:mm:ss too: the API writes a time back with its seconds, and generated clients send it so.
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, $"'{text}' is not a time of day (HH:mm or HH:mm:ss)");
        return null;
    }

    /// <summary>PhoneCall → phone-call: the wire spelling (<see cref="WireNames"/>).</summary>
    public static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => WireNames.Of(value);

    public static string KebabNames<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", WireNames.All<TEnum>());

    /// <summary>Reads phone-call, phone_call, phoneCall or PhoneCall; anything else is an error naming the choices.</summary>
    public static TEnum Choice<TEnum>(string? text, string field, FieldErrors errors)
        where TEnum : struct, Enum
    {
        if (WireNames.TryRead<TEnum>(text, out var value))
        {
            return value;
        }

        errors.Add(field, string.IsNullOrWhiteSpace(text)
            ? $"is required (one of {KebabNames<TEnum>()})"
            : $"'{text}' is not one of {KebabNames<TEnum>()}");
        return (TEnum)System.Enum.ToObject(typeof(TEnum), -1);
    }

    public static Guid? Id(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Guid.TryParse(text.Trim(), out var id))
        {
            return id;
        }

        errors.Add(field, $"'{text}' is not an id (a UUID such as 0b6f4c8e-59a4-5c4d-9a7e-1f2a3b4c5d6e)");
        return Guid.Empty;
    }

    public static Classification Marking(string text, string field, FieldErrors errors)
    {
        if (ClassificationNames.TryParse(text, out var classification))
        {
            return classification;
        }

        errors.Add(field, $"'{text}' is not one of {string.Join(", ", WireNames.All<Classification>())}");
        return default;
    }
}
