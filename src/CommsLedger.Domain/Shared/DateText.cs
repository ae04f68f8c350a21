using System.Globalization;

namespace CommsLedger.Domain.Shared;

/// <summary>The ledger's one spelling of a date, in files, on the command line, in the API and in stored corrections:
/// yyyy-MM-dd.</summary>
public static class DateText
{
    public const string Format = "yyyy-MM-dd";

    public static string Write(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryRead(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? "").Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A date a diplomatic record can plausibly carry.</summary>
    public static bool IsPlausible(DateOnly date) => date.Year is >= 1900 and <= 2200;
}
