using JasperFx.Events;

namespace CommsLedger.Projections;

internal static class EventTime
{
    /// <summary>The event's timestamp at PostgreSQL's precision (microseconds). Inline projections see the
    /// in-memory timestamp with 100 ns ticks; a rebuild reads the stored one. Truncating makes both agree.</summary>
    public static DateTimeOffset RecordedAt(this IEvent e) =>
        new(e.Timestamp.Ticks - (e.Timestamp.Ticks % 10), e.Timestamp.Offset);
}
