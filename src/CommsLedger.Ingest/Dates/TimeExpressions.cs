using System.Globalization;
using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Dates;

/// <summary>Finds time phrases in a text and resolves them against the publication date.</summary>
internal static partial class TimeExpressions
{
    private const string _month = "(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
    private const string _fullMonth = "(?<mon>January|February|March|April|May|June|July|August|September|October|November|December)";
    private const string _weekday = "(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private const string _number = "(?<n>\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";

    [GeneratedRegex(
        @"\b(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})\b" +
        @"|\b" + _month + @"\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:\s*(?:-|–|to)\s*\d{1,2}\b)?(?:,?\s+(?<y>\d{4})\b)?" +
        @"|\b(?<d>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?" + _month + @"\b\.?(?:,?\s+(?<y>\d{4})\b)?" +
        @"|\b" + _fullMonth + @"\s+(?<y>\d{4})\b" +
        @"|\b(?i:in|by|until|before|during|early|mid|late|(?:the\s+)?end\s+of|later\s+in)\s+(?:-\s*)?" + _fullMonth + @"\b" +
        @"|\b(?i:in|by|until|before|during|early|mid|late|(?:the\s+)?end\s+of|throughout|from)\s*-?\s*(?<y>(?:19|20)\d{2})\b" +
        @"|\b(?:(?<rel>(?i:this|next|last|coming|past))\s+)?" + _weekday + @"\b" +
        @"|\b(?<word>(?i:yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night|earlier\s+today))\b" +
        @"|\b(?<rel>(?i:next|the\s+coming|in\s+the\s+coming|the\s+next|the\s+following|this|later\s+this|(?:by\s+)?the\s+end\s+of\s+(?:this|the)|end\s+of\s+(?:this|the)|the\s+current|last|the\s+past))\s+(?<unit>(?i:year|month|week))\b" +
        @"|\b(?i:within)\s+(?<n2>" + _number + @")\s+(?<unit>(?i:days?|weeks?|months?|years?))\b" +
        @"|\b(?<vague>(?i:(?:in|over)\s+the\s+(?:coming|next\s+few)\s+(?:days|weeks|months)|in\s+the\s+near\s+future|as\s+soon\s+as\s+possible|at\s+an\s+early\s+date))\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex TimePattern();

    /// <summary>English, Spanish and French time phrases of <paramref name="text"/> in order; where two overlap, the earlier.</summary>
    public static IReadOnlyList<TimeReference> Find(string text, DateOnly? published, TimeDirection direction)
    {
        var found = new List<TimeReference>();
        foreach (Match match in TimePattern().Matches(text))
        {
            var (from, to, precision) = Resolve(match, published, direction);
            found.Add(new TimeReference(match.Index, match.Length, match.Value, from, to, precision));
        }

        var romance = RomanceTimeExpressions.Find(text, published, direction);
        if (romance.Count == 0)
        {
            return found;
        }

        var merged = new List<TimeReference>();
        foreach (var time in found.Concat(romance).OrderBy(t => t.Start).ThenByDescending(t => t.Length))
        {
            if (merged.Count == 0 || time.Start >= merged[^1].Start + merged[^1].Length)
            {
                merged.Add(time);
            }
        }

        return merged;
    }

    private static (DateOnly? From, DateOnly? To, TimePrecision Precision) Resolve(Match m, DateOnly? published, TimeDirection direction)
    {
        var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : (int?)null;
        if (m.Groups["vague"].Success)
        {
            return (null, null, TimePrecision.Day);
        }

        if (m.Groups["m"].Success)
        {
            return Day(year!.Value, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), m.Groups["d"].Value);
        }

        if (m.Groups["mon"].Success)
        {
            return ResolveMonth(m, MonthNumber(m.Groups["mon"].Value), year, published, direction);
        }

        if (year is { } y)
        {
            return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), TimePrecision.Year);
        }

        if (published is not { } pub)
        {
            return (null, null, TimePrecision.Day);
        }

        if (m.Groups["wd"].Success)
        {
            var day = RelativeDates.Weekday(pub, Enum.Parse<DayOfWeek>(m.Groups["wd"].Value), m.Groups["rel"].Value.ToLowerInvariant(), direction);
            return (day, day, TimePrecision.Day);
        }

        if (m.Groups["word"].Success)
        {
            var day = RelativeDates.Word(pub, m.Groups["word"].Value.ToLowerInvariant());
            return (day, day, TimePrecision.Day);
        }

        if (m.Groups["n2"].Success)
        {
            var day = RelativeDates.Within(pub, m.Groups["n"].Value, m.Groups["unit"].Value.ToLowerInvariant());
            return (day, day, TimePrecision.Day);
        }

        return RelativeDates.Period(pub, m.Groups["rel"].Value.ToLowerInvariant(), m.Groups["unit"].Value.ToLowerInvariant());
    }

    internal static (DateOnly? From, DateOnly? To, TimePrecision Precision) ResolveMonth(Match m, int month, int? year, DateOnly? published, TimeDirection direction)
    {
        var hasDay = m.Groups["d"].Success;
        var resolvedYear = year ?? RelativeDates.YearForMonth(published, month, hasDay ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : 1, direction);
        if (resolvedYear is not { } y)
        {
            return (null, null, hasDay ? TimePrecision.Day : TimePrecision.Month);
        }

        if (hasDay)
        {
            return Day(y, month, m.Groups["d"].Value);
        }

        var first = new DateOnly(y, month, 1);
        return (first, first.AddMonths(1).AddDays(-1), TimePrecision.Month);
    }

    internal static (DateOnly? From, DateOnly? To, TimePrecision Precision) Day(int year, int month, string day)
    {
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year, month))
        {
            return (null, null, TimePrecision.Day);
        }

        var date = new DateOnly(year, month, d);
        return (date, date, TimePrecision.Day);
    }

    private static int MonthNumber(string name) =>
        DateTime.ParseExact(name[..3], "MMM", CultureInfo.InvariantCulture).Month;
}
