namespace CommsLedger.Domain.Shared;

/// <summary>Where an entry came from: a readout URL or file name, and the SHA-256 of its text.
/// <paramref name="SourceId"/> is the stable key that makes re-recording the same source idempotent.</summary>
public sealed record SourceReference(string SourceId, string? Url, string? TextSha256);

/// <summary>When something happened in the world (not when it was recorded).</summary>
public sealed record OccurredAt(DateOnly Date, TimeOnly? Time = null, string? TimeZone = null)
{
    public override string ToString() =>
        Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        + (Time is { } t ? " " + t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "")
        + (TimeZone is { } z ? " " + z : "");
}
