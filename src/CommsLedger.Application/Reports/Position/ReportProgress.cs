namespace CommsLedger.Application.Reports.Position;

/// <summary>How far a report has read: <paramref name="Read"/> of the <paramref name="Total"/> events it will read.</summary>
public sealed record ReportProgress(long Read, long Total);
