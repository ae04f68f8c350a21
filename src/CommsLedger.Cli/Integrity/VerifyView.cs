using CommsLedger.Integrity.Verifying;

namespace CommsLedger.Cli.Integrity;

/// <summary>What <c>verify --format json</c> prints: the report with hashes as hex and the trusted key named.</summary>
public sealed record VerifyView(
    bool Intact,
    string TrustedKeyId,
    string TrustedKeySource,
    long EventsRead,
    long TreeSize,
    string RootHash,
    long PendingEvents,
    long UnsignedLeaves,
    int CheckpointsVerified,
    CheckpointView? LatestCheckpoint,
    int DivergenceCount,
    IReadOnlyList<Divergence> Divergences,
    ConsistencyView? Against,
    double ElapsedSeconds,
    double EventsPerSecond)
{
    internal static VerifyView From(VerifyReport report, TrustedKey trusted) => new(
        report.IsIntact,
        trusted.Key.KeyId,
        trusted.Source,
        report.EventsRead,
        report.TreeSize,
        report.RootHash.ToString(),
        report.PendingEvents,
        report.UnsignedLeaves,
        report.CheckpointsVerified,
        CheckpointView.From(report.LatestCheckpoint),
        report.Divergences.Count,
        report.Divergences,
        ConsistencyView.From(report.Consistency),
        report.Elapsed.TotalSeconds,
        Math.Round(report.EventsPerSecond));
}

/// <summary>The outcome of <c>verify --against</c>: whether the ledger still extends the checkpoint the reviewer kept.
/// <paramref name="Verdict"/>: extends, not-proven (the ledger was found altered in this run) or does-not-extend.</summary>
public sealed record ConsistencyView(bool Consistent, string Verdict, string Reason, CheckpointView Kept, CheckpointView? Latest, IReadOnlyList<string> Proof)
{
    public static ConsistencyView? From(ConsistencyResult? result) =>
        result is null
            ? null
            : new(result.IsConsistent, result.IsConsistent ? "extends" : result.IsUnproven ? "not-proven" : "does-not-extend", result.Reason,
                CheckpointView.From(result.Older)!, CheckpointView.From(result.Newer), result.Proof.Select(h => h.ToString()).ToList());
}

[CsvHelper.CsvRecord]
public sealed partial record DivergenceRow(string Kind, string Sequence, string LeafIndex, string StreamId, string EventId, string TreeSize, string Fields, string Message)
{
    public static DivergenceRow From(Divergence d) => new(
        d.Kind.ToString(), $"{d.Sequence}", $"{d.LeafIndex}", $"{d.StreamId}", $"{d.EventId}", $"{d.TreeSize}", string.Join("; ", d.Fields), d.Message);
}
