using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using Marten;
using Mediator;

namespace CommsLedger.Application.Relationships.Contacts;

/// <summary>A relationship's contacts (the timeline), newest first, a page at a time; now or as of a moment.</summary>
public sealed record ListContacts(string Key, PageRequest Page, AsOf? AsOf = null) : IQuery<Page<ContactLineView>>, IChecked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(Page.Check);
}

/// <summary>One contact of the relationship, with its portion marking.</summary>
public sealed record ContactLineView(Guid InteractionId, InteractionKind Kind, DateOnly OccurredOn, string Summary, Classification Classification);

public sealed class ListContactsHandler(IQuerySession session, Actor actor) : IQueryHandler<ListContacts, Page<ContactLineView>>
{
    internal static readonly RowOrder<ContactRow> Newest = new("occurred_on", Descending: true, c => c.OccurredOn);

    public async ValueTask<Page<ContactLineView>> Handle(ListContacts query, CancellationToken cancellationToken)
    {
        var reading = await RelationshipReading.Open(session, query.Key, query.AsOf, actor.Clearance, cancellationToken);
        var page = await reading.Page(Newest, query.Page, cancellationToken);
        return new Page<ContactLineView>([.. page.Items.Select(c => new ContactLineView(c.EntryId, c.Kind, c.OccurredOn, c.Summary, c.Classification))], page.Next);
    }
}
