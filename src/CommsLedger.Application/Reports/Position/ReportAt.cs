using System.Globalization;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Reports.Position;

/// <summary>Where in the ledger a report is built: now (every event), as known at an instant (events recorded by
/// then) or at a sequence (events up to and including that ledger-wide number). At most one of the two may be set.</summary>
public sealed record ReportAt(DateTimeOffset? KnownAt = null, long? Sequence = null)
{
    public static readonly ReportAt Now = new();

    public void Check(FieldErrors errors)
    {
        errors.Require(KnownAt is null || Sequence is null, "at-sequence", "give either an instant (as known at) or a sequence, not both");
        errors.Require(Sequence is null or >= 0, "at-sequence", $"{Sequence} is negative; sequences start at 1");
    }

    /// <summary>How the position was asked for, for the "generated" line (never for the rest of the report, so that a
    /// report built now and rebuilt at its own sequence come out identical).</summary>
    public override string ToString() => (KnownAt, Sequence) switch
    {
        ({ } k, _) => "as known at " + k.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        (_, { } s) => "at sequence " + s.ToString(CultureInfo.InvariantCulture),
        _ => "now",
    };
}
