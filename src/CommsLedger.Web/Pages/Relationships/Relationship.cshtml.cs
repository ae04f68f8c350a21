using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Access;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Relationships;

/// <summary>One bilateral ledger (CN-PE): timeline of contacts, pledges by each side, open and overdue follow-ups,
/// the statements of the latest contacts, and a small chart of contacts per year.</summary>
[Authorize(Policy = WebPolicies.Read)]
public sealed class RelationshipModel(IMediator mediator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";

    public RelationshipView? View { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        try
        {
            View = await mediator.Send(new GetRelationship(Key, Today), cancellationToken);
        }
        catch (CommandRejected rejected)
        {
            foreach (var error in rejected.Errors)
            {
                ModelState.AddModelError(error.Field, error.Problem);
            }

            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>Contacts per year, oldest first, for the chart.</summary>
    public IReadOnlyList<(int Year, int Contacts)> ContactsPerYear() =>
        View?.Contacts is not { Count: > 0 } contacts
            ? []
            : [.. Enumerable.Range(contacts.Min(c => c.OccurredOn.Year), contacts.Max(c => c.OccurredOn.Year) - contacts.Min(c => c.OccurredOn.Year) + 1)
                .Select(year => (year, contacts.Count(c => c.OccurredOn.Year == year)))];
}
