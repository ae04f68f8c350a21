using System.Globalization;

namespace CommsLedger.Reporting.Documents;

/// <summary>When, for whom and how a report was generated: the one line allowed to differ between two builds of the
/// same report at the same position (<c>--generated-at</c> pins <see cref="At"/>).</summary>
public sealed record Generation(DateTimeOffset At, string For, string Requested)
{
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"Generated at {At.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} for {For} (position requested: {Requested})");
}
