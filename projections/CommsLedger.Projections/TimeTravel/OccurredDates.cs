using CommsLedger.Domain.Shared;
using JasperFx.Events;

namespace CommsLedger.Projections.TimeTravel;

/// <summary>
/// When the fact behind each event occurred in the world, by the rule the event declares
/// (<see cref="IDatedEvent.WhenOccurred"/>): facts that start an entry, and those with a date of their own, occurred
/// then; facts that record or fix an entry take the date of the entry; our own acts occurred when recorded.
/// </summary>
public sealed class OccurredDates
{
    private readonly Dictionary<Guid, DateOnly> _streamDates = [];

    public DateOnly Of(IEvent e) => (e.Data as IDatedEvent)?.WhenOccurred() switch
    {
        { Rule: OccurrenceRule.StartsEntry, Date: { } date } => Remember(e.StreamId, date),
        { Rule: OccurrenceRule.OnItsDate, Date: { } date } => date,
        { Rule: OccurrenceRule.WhenRecorded } => RecordedDate(e),
        _ => _streamDates.TryGetValue(e.StreamId, out var date) ? date : RecordedDate(e),
    };

    private DateOnly Remember(Guid streamId, DateOnly date)
    {
        _streamDates[streamId] = date;
        return date;
    }

    private static DateOnly RecordedDate(IEvent e) => DateOnly.FromDateTime(e.Timestamp.UtcDateTime);
}
