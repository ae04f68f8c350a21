using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using Marten;
using Mediator;

namespace CommsLedger.Application.Relationships.Pledges;

/// <summary>The pledges of a relationship, by one side (<paramref name="By"/>) or both, newest first, a page at a time;
/// now or as of a moment.</summary>
public sealed record ListRelationshipPledges(string Key, string? By, PageRequest Page, AsOf? AsOf = null) : IQuery<Page<PledgeLineView>>, IChecked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(errors =>
    {
        Page.Check(errors);
        errors.Require(By is null || PartyCode.Normalise(By, out _) is not null, "by", $"'{By}' is not a country or organisation code");
    });
}

public sealed record PledgeLineView(Guid PledgeId, string By, string? To, CommitmentKind Kind, string Text, string Topic, DateOnly? Due, DateOnly MadeOn,
    PledgeStatus Status, bool Reaffirmed, Classification Classification = Classification.Unclassified);

public sealed class ListRelationshipPledgesHandler(IQuerySession session, Actor actor) : IQueryHandler<ListRelationshipPledges, Page<PledgeLineView>>
{
    private static readonly RowOrder<PledgeRow> Newest = new("made_on", Descending: true, p => p.MadeOn);

    public async ValueTask<Page<PledgeLineView>> Handle(ListRelationshipPledges query, CancellationToken cancellationToken)
    {
        var reading = await RelationshipReading.Open(session, query.Key, query.AsOf, actor.Clearance, cancellationToken);
        var by = query.By is null ? null : PartyCode.Normalise(query.By, out _);
        var page = by is null
            ? await reading.Page(Newest, query.Page, cancellationToken)
            : await reading.Page(Newest, query.Page, cancellationToken, p => p.By == by, "d.by_party = ?", by);
        return new Page<PledgeLineView>([.. page.Items.Select(p => new PledgeLineView(p.EntryId, p.By, p.To, p.Kind, p.Text, p.Topic, p.Due, p.MadeOn, p.Status,
            p.Reaffirmed is { } marking && actor.Clearance >= marking, p.Classification))], page.Next);
    }
}
