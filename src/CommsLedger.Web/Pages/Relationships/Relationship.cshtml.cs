using CommsLedger.Application.Relationships.Activity;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Web.Access;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Relationships;

/// <summary>One bilateral ledger (CN-PE): timeline of contacts, pledges by each side, open and overdue follow-ups,
/// compliance scores, recent corrections, the statements of the latest contacts, and a small chart of contacts and
/// pledges per year.</summary>
[Authorize(Policy = WebPolicies.Read)]
public sealed class RelationshipModel(IMediator mediator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";

    public RelationshipLedgerView? Ledger { get; private set; }
    public RelationshipView? View => Ledger?.View;
    public RelationshipActivity? Activity { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Ledger = await RelationshipLedgerView.Read(mediator, Key, Today, null, cancellationToken);
        Activity = await mediator.Send(new GetRelationshipActivity(Key), cancellationToken);
    }

    /// <summary>Contacts and pledges made per year, oldest first, every year between the first and the last.</summary>
    public IReadOnlyList<(int Year, int Contacts, int Pledges)> PerYear()
    {
        var contacts = (View?.ContactsPerYear ?? []).ToDictionary(y => y.Year, y => y.Contacts);
        var pledges = (Activity?.PledgesPerYear ?? []).ToDictionary(p => p.Year, p => p.Pledges);
        var years = contacts.Keys.Concat(pledges.Keys).ToArray();
        return years.Length == 0
            ? []
            : [.. Enumerable.Range(years.Min(), years.Max() - years.Min() + 1)
                .Select(year => (year, contacts.GetValueOrDefault(year), pledges.GetValueOrDefault(year)))];
    }
}
