using System.Globalization;

namespace CommsLedger.Ingest.Dates;

/// <summary>Arithmetic for relative references. A weekday in past speech is the latest such day on or before publication.</summary>
internal static class RelativeDates
{
    private static readonly string[] _numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    public static DateOnly Weekday(DateOnly published, DayOfWeek weekday, string relation, TimeDirection direction)
    {
        var back = ((int)published.DayOfWeek - (int)weekday + 7) % 7;
        var forward = ((int)weekday - (int)published.DayOfWeek + 7) % 7;
        return relation switch
        {
            "last" or "past" => published.AddDays(back == 0 ? -7 : -back),
            "next" or "coming" => published.AddDays(forward == 0 ? 7 : forward),
            "this" => direction == TimeDirection.Past ? published.AddDays(-back) : published.AddDays(forward),
            _ when direction == TimeDirection.Past => published.AddDays(-back),
            _ => published.AddDays(forward == 0 ? 7 : forward),
        };
    }

    public static DateOnly Word(DateOnly published, string word) => word switch
    {
        "yesterday" => published.AddDays(-1),
        "tomorrow" => published.AddDays(1),
        _ when word.StartsWith("last", StringComparison.Ordinal) => published.AddDays(-1),
        _ => published,
    };

    public static DateOnly Within(DateOnly published, string number, string unit)
    {
        var n = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : Array.IndexOf(_numberWords, number.ToLowerInvariant());
        return unit.TrimEnd('s') switch
        {
            "day" => published.AddDays(n),
            "week" => published.AddDays(7 * n),
            "month" => published.AddMonths(n),
            _ => published.AddYears(n),
        };
    }

    public static (DateOnly? From, DateOnly? To, TimePrecision Precision) Period(DateOnly published, string relation, string unit)
    {
        var offset = relation switch
        {
            var r when r.Contains("next", StringComparison.Ordinal) || r.Contains("coming", StringComparison.Ordinal) || r.Contains("following", StringComparison.Ordinal) => 1,
            var r when r.Contains("last", StringComparison.Ordinal) || r.Contains("past", StringComparison.Ordinal) => -1,
            _ => 0,
        };
        return unit switch
        {
            "year" => (new DateOnly(published.Year + offset, 1, 1), new DateOnly(published.Year + offset, 12, 31), TimePrecision.Year),
            "month" => MonthPeriod(new DateOnly(published.Year, published.Month, 1).AddMonths(offset)),
            _ => WeekPeriod(published.AddDays(7 * offset)),
        };
    }

    /// <summary>A month named without a year: the nearest one in the given direction (a week's grace either side).</summary>
    public static int? YearForMonth(DateOnly? published, int month, int day, TimeDirection direction)
    {
        if (published is not { } pub)
        {
            return null;
        }

        var candidate = new DateOnly(pub.Year, month, Math.Min(day, DateTime.DaysInMonth(pub.Year, month)));
        return direction switch
        {
            TimeDirection.Past when candidate > pub.AddDays(7) => pub.Year - 1,
            TimeDirection.Future when candidate < pub.AddDays(-31) => pub.Year + 1,
            _ => pub.Year,
        };
    }

    private static (DateOnly?, DateOnly?, TimePrecision) MonthPeriod(DateOnly first) =>
        (first, first.AddMonths(1).AddDays(-1), TimePrecision.Month);

    private static (DateOnly?, DateOnly?, TimePrecision) WeekPeriod(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(6), TimePrecision.Week);
    }
}
