using CommsLedger.Application.Pipeline;
using CommsLedger.Projections.TimeTravel;
using Marten;
using Mediator;

namespace CommsLedger.Application.Relationships.Viewing;

/// <summary>A relationship now, or as it stood at a moment on either axis of time (<see cref="AsOf"/>).</summary>
public sealed record GetRelationship(string Key, DateOnly Today, AsOf? AsOf = null) : IQuery<RelationshipView>;

public sealed class GetRelationshipHandler(IQuerySession session, Actor actor) : IQueryHandler<GetRelationship, RelationshipView>
{
    public async ValueTask<RelationshipView> Handle(GetRelationship query, CancellationToken cancellationToken)
    {
        var reading = await RelationshipReading.Open(session, query.Key, query.AsOf, actor.Clearance, cancellationToken);
        var facts = await reading.Facts(OverdueOn(query.Today, query.AsOf), cancellationToken);
        var counted = new Counted(reading.Ledger, actor.Clearance);
        return new RelationshipView(
            reading.Key, counted.Contacts, facts.FirstContact, facts.LastContact, counted.Sides(), counted.OpenFollowUps, facts.Overdue,
            counted.Topics(), counted.Statements(), counted.ContactsPerYear(), counted.Highest());
    }

    /// <summary>The day "overdue" is judged on: today, or the date the facts occurred by when that is earlier.</summary>
    public static DateOnly OverdueOn(DateOnly today, AsOf? asOf) => asOf?.OccurredBy is { } occurredBy && occurredBy < today ? occurredBy : today;
}
