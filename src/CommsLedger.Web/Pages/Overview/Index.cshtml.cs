using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Relationships.Listing;
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
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public bool Reads { get; private set; }
    public IReadOnlyList<RelationshipView> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
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
        var all = await mediator.Send(new ListRelationships(Today), cancellationToken);
        var party = (Party ?? "").Trim().ToUpperInvariant();
        var filtered = party.Length == 0 ? all : all.Where(r => r.Key.Split('-').Contains(party, StringComparer.Ordinal)).ToArray();
        IEnumerable<RelationshipView> sorted = Sort switch
        {
            "last-contact" => filtered.OrderByDescending(r => r.LastContact).ThenBy(r => r.Key, StringComparer.Ordinal),
            "open-pledges" => filtered.OrderByDescending(r => r.Sides.Sum(OpenPledges)).ThenBy(r => r.Key, StringComparer.Ordinal),
            "overdue" => filtered.OrderByDescending(r => r.OverdueFollowUps).ThenBy(r => r.Key, StringComparer.Ordinal),
            _ => filtered.OrderBy(r => r.Key, StringComparer.Ordinal),
        };
        Total = filtered.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = [.. sorted.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }

    public static int OpenPledges(SideView side) => side.ByStatus.GetValueOrDefault("open");

    public string PageLink(int page) => $"/?party={Uri.EscapeDataString(Party ?? "")}&sort={Uri.EscapeDataString(Sort)}&p={page}";
}
