using CommsLedger.Application.Relationships.Contacts;
using CommsLedger.Application.Relationships.FollowUps;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Pledges;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Projections.TimeTravel;
using Mediator;

namespace CommsLedger.Web.Pages.Relationships;

/// <summary>A relationship as a page shows it: its counts, and the first page of its contacts (newest first), of each
/// side's pledges (newest first) and of its open follow-ups (soonest due first) — never the whole history at once.</summary>
public sealed record RelationshipLedgerView(
    RelationshipView View,
    Page<ContactLineView> Contacts,
    IReadOnlyDictionary<string, Page<PledgeLineView>> PledgesBySide,
    Page<FollowUpLineView> FollowUps)
{
    public const int Shown = 200;

    public bool IsEmpty => View.InteractionCount == 0 && View.Sides.All(s => s.Pledges == 0);

    public IEnumerable<PledgeLineView> Pledges => PledgesBySide.Values.SelectMany(p => p.Items);

    public static async Task<RelationshipLedgerView> Read(IMediator mediator, string key, DateOnly today, AsOf? asOf, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetRelationship(key, today, asOf), cancellationToken);
        var page = new PageRequest(Shown);
        var bySide = new Dictionary<string, Page<PledgeLineView>>(StringComparer.Ordinal);
        foreach (var side in view.Sides)
        {
            bySide[side.Party] = await mediator.Send(new ListRelationshipPledges(view.Key, side.Party, page, asOf), cancellationToken);
        }

        return new RelationshipLedgerView(
            view,
            await mediator.Send(new ListContacts(view.Key, page, asOf), cancellationToken),
            bySide,
            await mediator.Send(new ListRelationshipFollowUps(view.Key, today, false, page, asOf), cancellationToken));
    }
}
