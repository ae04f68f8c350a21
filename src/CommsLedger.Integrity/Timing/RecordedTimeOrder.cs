using System.Globalization;

namespace CommsLedger.Integrity.Timing;

/// <summary>
/// Events are numbered in the order they were appended, so their recorded times should not go backwards by more than
/// the writers' clocks can disagree. An event recorded well before the one before it was inserted with a backdated
/// timestamp, or its writer's clock was wrong; one recorded in the future, likewise. Either is flagged, naming the event:
/// the log covers such an event like any other (it exists), so only its time can give it away.
/// </summary>
public sealed class RecordedTimeOrder(TimeSpan tolerance, DateTimeOffset now)
{
    /// <summary>Appends are stamped by the application's clock before they take their sequence number, so concurrent
    /// writers (and the hosts' clocks) disagree by up to a few seconds; a backdating worth doing is hours or days.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(30);

    /// <summary>No time was stamped: Marten's tombstones (rows it appends, when a save fails after taking sequence
    /// numbers, so the numbers are not left as holes) carry 0001-01-01. There is nothing to compare, before or after.</summary>
    private static readonly DateTimeOffset Unstamped = DateTimeOffset.MinValue;

    private long _previousSequence;
    private DateTimeOffset? _previous;

    /// <summary>Continues after an event already checked (the last one in the log).</summary>
    public void After(long sequence, DateTimeOffset recordedAt)
    {
        if (recordedAt != Unstamped)
        {
            (_previousSequence, _previous) = (sequence, recordedAt);
        }
    }

    /// <summary>The next event in sequence order; the anomaly it shows, if any.</summary>
    public TimeAnomaly? Next(long sequence, Guid eventId, Guid streamId, DateTimeOffset recordedAt)
    {
        if (recordedAt == Unstamped)
        {
            return null;
        }

        TimeAnomaly? anomaly = null;
        // Differences, not shifted instants: an instant at either end of DateTimeOffset's range cannot be shifted.
        if (recordedAt - now > tolerance)
        {
            anomaly = new TimeAnomaly(sequence, eventId, streamId, recordedAt, null, null);
        }
        else if (_previous is { } previous && previous - recordedAt > tolerance)
        {
            anomaly = new TimeAnomaly(sequence, eventId, streamId, recordedAt, _previousSequence, previous);
        }

        After(sequence, recordedAt);
        return anomaly;
    }
}

/// <summary>An event whose recorded time goes back from the event before it (<see cref="PreviousSequence"/>), or lies in the future.</summary>
public sealed record TimeAnomaly(long Sequence, Guid EventId, Guid StreamId, DateTimeOffset RecordedAt, long? PreviousSequence, DateTimeOffset? PreviousRecordedAt)
{
    public bool InFuture => PreviousRecordedAt is null;

    public string Message => PreviousRecordedAt is { } previous
        ? $"Event at sequence {Sequence} (stream {StreamId}, event {EventId}) was recorded at {Instant(RecordedAt)}, {Span(previous - RecordedAt)} before the event before it " +
          $"(sequence {PreviousSequence}, {Instant(previous)}): a backdated insert, or a writer's clock set back."
        : $"Event at sequence {Sequence} (stream {StreamId}, event {EventId}) was recorded at {Instant(RecordedAt)}, in the future: a forward-dated insert, or a writer's clock set ahead.";

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan span) => span.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days")
        : span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}
