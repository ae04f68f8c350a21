using System.Globalization;
using System.Text.Encodings.Web;
using CommsLedger.Domain.Shared;
using Microsoft.AspNetCore.Html;

namespace CommsLedger.Web.Display;

/// <summary>Every date on the pages, always with its time zone: recorded instants in UTC, occurred dates as the
/// recorder gave them (with their time and IANA zone when known). In &lt;time&gt; so machines read them too.</summary>
public static class When
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IHtmlContent Instant(DateTimeOffset? at) => at is { } value
        ? Time(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant), value.UtcDateTime.ToString("d MMM yyyy, HH:mm:ss", Invariant) + " UTC")
        : new HtmlString("—");

    public static IHtmlContent Day(DateOnly? day) => day is { } value
        ? Time(value.ToString("yyyy-MM-dd", Invariant), value.ToString("d MMM yyyy", Invariant))
        : new HtmlString("—");

    public static IHtmlContent Occurred(OccurredAt at)
    {
        var day = at.Date.ToString("d MMM yyyy", Invariant);
        if (at.Time is not { } time)
        {
            return Time(at.Date.ToString("yyyy-MM-dd", Invariant), at.TimeZone is { } zone ? $"{day} ({zone})" : day);
        }

        var shown = $"{day}, {time.ToString("HH:mm", Invariant)} {at.TimeZone ?? "(no time zone given)"}";
        return Time(at.Date.ToString("yyyy-MM-dd", Invariant) + "T" + time.ToString("HH:mm", Invariant), shown);
    }

    /// <summary>An instant as a person types it back into a form ("as known at").</summary>
    public static string Typed(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", Invariant);

    private static HtmlString Time(string machine, string shown) =>
        new($"<time datetime=\"{HtmlEncoder.Default.Encode(machine)}\">{HtmlEncoder.Default.Encode(shown)}</time>");
}
