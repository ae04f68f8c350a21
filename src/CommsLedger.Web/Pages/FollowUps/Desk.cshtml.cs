using CommsLedger.Api.Auth;
using CommsLedger.Api.Http;
using CommsLedger.Application.FollowUps.Listing;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.FollowUps;
using CommsLedger.Web.Access;
using CommsLedger.Web.Forms;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.FollowUps;

/// <summary>The follow-ups desk: open follow-ups that are overdue or due within N days — the signed-in user's own,
/// their desk's (a desk name they save once, kept in a cookie), or everyone's — optionally for one relationship.</summary>
[Authorize(Policy = WebPolicies.Read)]
public sealed class DeskModel(IMediator mediator, TimeProvider clock) : PageModel, ILedgerForm
{
    public const string DeskCookie = "commsledger.desk";

    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public string? Within { get; set; } = "14";
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Relationship { get; set; }
    [BindProperty] public string? Desk { get; set; }

    public string? MyDesk { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<FollowUpItem> Items { get; private set; } = [];

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        MyDesk = Request.Cookies[DeskCookie] is { Length: > 0 } saved ? saved : null;
        Show ??= MyDesk is null ? "everyone" : "desk";
        Today = QueryText.Today(clock);
        var days = QueryText.Number(Within, "within", 0, 36500) ?? 14;
        var relationship = QueryText.Relationship(string.IsNullOrWhiteSpace(Relationship) ? null : Relationship.Trim());
        var open = await mediator.Send(new ListFollowUps(days, Overdue, relationship, Today), cancellationToken);
        var owner = Show switch
        {
            "mine" => LedgerClaims.NameOf(User),
            "desk" => MyDesk,
            _ => null,
        };
        Items = owner is null ? open : [.. open.Where(f => string.Equals(f.Owner.Trim(), owner, StringComparison.OrdinalIgnoreCase))];
    }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Remembers the user's desk in this browser (nothing about it is recorded in the ledger).</summary>
    public IActionResult OnPostDesk()
    {
        var desk = (Desk ?? "").Trim();
        if (desk.Length is 0 or > 200)
        {
            throw new CommandRejected([new FieldError("desk", "is required (1 to 200 characters), e.g. Americas desk")]);
        }

        Response.Cookies.Append(DeskCookie, desk, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        TempData["Done"] = $"Your desk is {desk} in this browser.";
        return Redirect("/follow-ups?show=desk");
    }

    public string Link(string show) =>
        $"/follow-ups?show={show}&within={Uri.EscapeDataString(Within ?? "14")}&overdue={Overdue.ToString().ToLowerInvariant()}&relationship={Uri.EscapeDataString(Relationship ?? "")}";
}
