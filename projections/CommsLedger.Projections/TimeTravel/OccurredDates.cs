using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using JasperFx.Events;

namespace CommsLedger.Projections.TimeTravel;

/// <summary>
/// When the fact behind each event occurred in the world. Facts about an interaction occurred on its date;
/// pledge outcomes, progress, assessments and completions carry their own dates; corrections and retractions
/// fix the record of an earlier fact and so take the date of the entry they fix; scheduling and cancelling a
/// follow-up are our own acts, which occurred when recorded.
/// </summary>
public sealed class OccurredDates
{
    private readonly Dictionary<Guid, DateOnly> _streamDates = [];

    public DateOnly Of(IEvent e) => e.Data switch
    {
        InteractionLogged logged => Remember(e.StreamId, logged.Occurred.Date),
        PledgeMade made => Remember(e.StreamId, made.MadeOn),
        IPledgeOutcome outcome => outcome.On,
        PledgeProgressNoted progress => progress.AsOf,
        ComplianceAssessed assessed => assessed.AssessedOn,
        FollowUpCompleted completed => completed.CompletedOn,
        FollowUpScheduled or FollowUpCancelled => RecordedDate(e),
        _ => _streamDates.TryGetValue(e.StreamId, out var date) ? date : RecordedDate(e),
    };

    private DateOnly Remember(Guid streamId, DateOnly date)
    {
        _streamDates[streamId] = date;
        return date;
    }

    private static DateOnly RecordedDate(IEvent e) => DateOnly.FromDateTime(e.Timestamp.UtcDateTime);
}
