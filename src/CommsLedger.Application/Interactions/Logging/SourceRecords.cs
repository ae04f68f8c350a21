using CommsLedger.Application.Clearance;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Interactions.Logging;

/// <summary>
/// A source (a readout, a cable) is recorded once per marking — polyinstantiation, the multilevel-database answer
/// to "is it already recorded?". A recorder is told a source is already recorded only when they can see the record;
/// a record above their clearance must not exist for them, not even as a refusal, so theirs is a separate record
/// at their own marking. Readers cleared for both see both, with the same source id.
/// </summary>
public static class SourceRecords
{
    public static Guid IdFor(string sourceId, Classification marking) => DeterministicIds.ForSource(sourceId, marking);

    /// <summary>The ids a record of the source could have that a reader with this clearance may see.</summary>
    public static Guid[] VisibleIds(string sourceId, Classification clearance) =>
        [.. clearance.VisibleMarkings().Select(marking => IdFor(sourceId, marking))];
}
