using System.Globalization;
using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Dates;

/// <summary>
/// Finds when the readout was published: a leading "date YYYY-MM-DD" token, a dated header line, or a wire dateline
/// ("BEIJING, Nov. 6 (Xinhua) --", which also gets cut off the first sentence).
/// </summary>
internal static partial class PublicationDate
{
    // Leading header lines, either order: "source: <URL>" (the publisher's page) and "date: YYYY-MM-DD" (publication).
    [GeneratedRegex(@"^\s*(?:(?i:source|url)\s*:\s*(?<url>[^\s]{1,500})\s*)?(?:(?i:date|published|posted)\s*[:=]?\s*(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})\b\s*)?(?:(?i:source|url)\s*:\s*(?<url>[^\s]{1,500})\s*)?",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex DateToken();

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}.'’ -]{1,40}?)(?:,\s*\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)?(?:,?\s+(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{4})?))?\s*(?:\([^)\n]{1,40}\))?\s*(?:--|—|–|-)\s+",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Dateline();

    /// <summary>The date and source URL given by leading "date YYYY-MM-DD" / "source: URL" lines, and where the body starts after them.</summary>
    public static (DateOnly? Date, string? Source, int BodyStart) FromHeader(string text)
    {
        var match = DateToken().Match(text);
        if (!match.Success || match.Length == 0 || !(match.Groups["y"].Success || match.Groups["url"].Success))
        {
            return (null, null, 0);
        }

        var date = match.Groups["y"].Success && DateOnly.TryParseExact($"{match.Groups["y"].Value}-{match.Groups["m"].Value}-{match.Groups["d"].Value}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : (DateOnly?)null;
        return (date, match.Groups["url"].Success ? match.Groups["url"].Value : null, match.Length);
    }

    /// <summary>A full date (with year) on a header line before the first prose sentence.</summary>
    public static DateOnly? FromHeadlines(IReadOnlyList<Sentence> sentences)
    {
        foreach (var sentence in sentences.TakeWhile(s => s.IsHeadline))
        {
            var dated = TimeExpressions.Find(sentence.Text, null, TimeDirection.Past).FirstOrDefault(t => t.Day is not null);
            if (dated is not null)
            {
                return dated.Day;
            }
        }

        return null;
    }

    /// <summary>Cuts a wire dateline off the first prose sentence; returns the date it gives, resolved with the fallback year.</summary>
    public static (IReadOnlyList<Sentence> Sentences, DateOnly? Date, bool HadUndatedYear) StripDateline(IReadOnlyList<Sentence> sentences, DateOnly? known)
    {
        var first = sentences.FirstOrDefault(s => !s.IsHeadline);
        var match = first is null ? null : Dateline().Match(first.Text);
        if (first is null || match is null || !match.Success || match.Groups["place"].Value.Trim().Length < 2 || !IsUpper(match.Groups["place"].Value))
        {
            return (sentences, null, false);
        }

        var stripped = sentences.Select(s => s == first ? s.WithoutPrefix(match.Length) : s).ToList();
        if (!match.Groups["date"].Success)
        {
            return (stripped, null, false);
        }

        var date = TimeExpressions.Find(match.Groups["date"].Value, known, TimeDirection.Past).FirstOrDefault()?.Day;
        return (stripped, date, date is null);
    }

    private static bool IsUpper(string place) => place.Where(char.IsLetter).All(char.IsUpper);
}
