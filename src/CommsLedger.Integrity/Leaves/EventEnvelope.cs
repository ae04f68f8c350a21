namespace CommsLedger.Integrity.Leaves;

/// <summary>
/// What the ledger commits to about one stored event besides its payload: the columns of <c>mt_events</c>
/// a reviewer relies on, plus the classification read from the event's headers.
/// </summary>
public sealed record EventEnvelope(
    long Sequence,
    Guid EventId,
    Guid StreamId,
    long Version,
    string EventType,
    DateTimeOffset RecordedAt,
    string? UserName,
    string Classification)
{
    /// <summary>Used when an event's headers carry no <c>classification</c> key.</summary>
    public const string DefaultClassification = "UNCLASSIFIED";

    /// <summary>PostgreSQL keeps microseconds; the encoding does too, so a round trip through the database is exact.</summary>
    public long RecordedAtMicroseconds => (RecordedAt.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;

    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        new(DateTime.UnixEpoch.Ticks + (microseconds * 10), TimeSpan.Zero);
}
