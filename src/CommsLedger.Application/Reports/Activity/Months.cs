using System.Globalization;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Reports.Activity;

public static class Months
{
    /// <summary>A month as its first day: "2021-03" (or any day of it, "2021-03-17"); null when absent.</summary>
    public static DateOnly? Parse(string? raw, string field, FieldErrors errors)
    {
        if (raw is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw.Trim(), ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateOnly(day.Year, day.Month, 1);
        }

        errors.Add(field, $"'{raw}' is not a month such as 2021-03");
        return null;
    }
}
