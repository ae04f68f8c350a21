using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using Marten;
using Mediator;

namespace CommsLedger.Application.Relationships.FollowUps;

/// <summary>A relationship's open follow-ups, soonest due first, a page at a time; with <paramref name="OverdueOnly"/>
/// only those due before <paramref name="Today"/> — an index range, since "overdue" depends on the day.</summary>
public sealed record ListRelationshipFollowUps(string Key, DateOnly Today, bool OverdueOnly, PageRequest Page, AsOf? AsOf = null) : IQuery<Page<FollowUpLineView>>, IChecked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(Page.Check);
}

public sealed record FollowUpLineView(Guid FollowUpId, Guid? PledgeId, string Action, string Owner, DateOnly Due, bool Overdue, Classification Classification = Classification.Unclassified);

public sealed class ListRelationshipFollowUpsHandler(IQuerySession session, Actor actor) : IQueryHandler<ListRelationshipFollowUps, Page<FollowUpLineView>>
{
    private static readonly RowOrder<FollowUpRow> Soonest = new("due", Descending: false, f => f.Due);

    public async ValueTask<Page<FollowUpLineView>> Handle(ListRelationshipFollowUps query, CancellationToken cancellationToken)
    {
        var reading = await RelationshipReading.Open(session, query.Key, query.AsOf, actor.Clearance, cancellationToken);
        var today = GetRelationshipHandler.OverdueOn(query.Today, query.AsOf);
        var page = query.OverdueOnly
            ? await reading.Page(Soonest, query.Page, cancellationToken, f => f.Due < today, "d.due < ?", today)
            : await reading.Page(Soonest, query.Page, cancellationToken);
        return new Page<FollowUpLineView>([.. page.Items.Select(f => new FollowUpLineView(f.EntryId, f.PledgeId, f.Action, f.Owner, f.Due, f.Due < today, f.Classification))], page.Next);
    }
}
