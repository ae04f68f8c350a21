using System.Globalization;

namespace CommsLedger.Projections.TimeTravel;

/// <summary>
/// The two axes of time a reviewer can pin (see DOMAIN.md): <paramref name="KnownAt"/> keeps only events
/// the ledger had recorded by then; <paramref name="OccurredBy"/> keeps only facts that happened by then.
/// Either, both or neither may be set.
/// </summary>
public sealed record AsOf(DateTimeOffset? KnownAt, DateOnly? OccurredBy)
{
    public static readonly AsOf Now = new(null, null);

    public bool IsNow => KnownAt is null && OccurredBy is null;

    public override string ToString() => IsNow
        ? "now"
        : string.Join(", ", new[]
        {
            KnownAt is { } k ? "as known at " + k.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null,
            OccurredBy is { } o ? "as occurred by " + o.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        }.Where(s => s is not null));
}
