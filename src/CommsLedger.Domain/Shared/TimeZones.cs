using System.Text.RegularExpressions;

namespace CommsLedger.Domain.Shared;

/// <summary>IANA time zone names: the machine's time zone database decides where it has one; without one, the name
/// must at least have the IANA shape (an IANA area, then one or two place names), so "Mars/Olympus" never passes.</summary>
public static partial class TimeZones
{
    private static readonly bool _haveDatabase = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out _);

    public static bool IsKnown(string name) =>
        name.Length <= 64 && IanaShape().IsMatch(name) && (!_haveDatabase || TimeZoneInfo.TryFindSystemTimeZoneById(name, out _));

    [GeneratedRegex("^((Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)(/[A-Za-z0-9_+-]+){1,2}|UTC|GMT)$")]
    private static partial Regex IanaShape();
}
