using CommsLedger.Api.Http;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Relationships.Listing;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Viewing;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Overview;

/// <summary>Every relationship the user may see: last contact, open pledges by side, overdue follow-ups; sorted,
/// filtered by party and paged.</summary>
public sealed class IndexModel(IMediator mediator, Actor actor, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Party { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "key";
    // "cursor", as in the API: "after" is the ledger position a read waits for (read-your-writes across replicas).
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public bool Reads { get; private set; }
    public IReadOnlyList<RelationshipSummary> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public string? Next { get; private set; }
    public DateOnly Today { get; private set; }

    public static readonly IReadOnlyList<(string Value, string Label)> Sorts =
        [("key", "Relationship"), ("last-contact", "Last contact (newest first)"), ("open-pledges", "Open pledges (most first)"), ("overdue", "Overdue follow-ups (most first)")];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reads = actor.Roles.Overlaps([LedgerRole.Recorder, LedgerRole.Reviewer, LedgerRole.Reporter]);
        if (!Reads)
        {
            return;
        }

        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var sort = QueryText.Choice<RelationshipSort>(Sort, "sort") ?? RelationshipSort.Key;
        var party = string.IsNullOrWhiteSpace(Party) ? null : Party.Trim();
        var page = await mediator.Send(new ListRelationships(Today, new PageRequest(PageSize, string.IsNullOrEmpty(Cursor) ? null : Cursor), party, sort), cancellationToken);
        (Rows, Total, Next) = (page.Items, page.Total, page.Next);
    }

    public static int OpenPledges(SideView side) => side.ByStatus.GetValueOrDefault("open");

    /// <summary>Pages are read after a cursor (keyset), so the links go to the first page and the next one.</summary>
    public string PageLink(string? cursor) =>
        $"/?party={Uri.EscapeDataString(Party ?? "")}&sort={Uri.EscapeDataString(Sort)}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
}
