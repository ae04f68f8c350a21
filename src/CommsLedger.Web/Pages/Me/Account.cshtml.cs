using CommsLedger.Application.Access;
using CommsLedger.Application.Access.Keys;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Access;
using CommsLedger.Web.Forms;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Me;

/// <summary>Every user's own page: who they are to the ledger, and their API keys (for a job or a script) — issue one
/// with a label and an expiry (shown once, only its hash is kept), see them all, revoke any.</summary>
[Authorize(Policy = WebPolicies.SignedIn)]
public sealed class AccountModel(IMediator mediator, Actor actor) : PageModel, ILedgerForm
{
    public static readonly IReadOnlyList<(string Value, string Label)> Lifetimes =
        [("30", "30 days"), ("90", "90 days"), ("365", "1 year (the longest a key may live)")];

    [BindProperty] public string? Label { get; set; }
    [BindProperty] public string? Expires { get; set; } = "90";
    [BindProperty] public Guid KeyId { get; set; }

    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];
    public IssuedApiKey? Issued { get; private set; }

    public bool ErrorsPerForm => true;

    public async Task LoadAsync(CancellationToken cancellationToken) => Keys = await mediator.Send(new ListApiKeys(actor.UserName), cancellationToken);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Shows the new key in this response only (no redirect, no cookie): it is never shown again.</summary>
    public async Task<PageResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        var days = Expires switch
        {
            "30" or "90" or "365" => int.Parse(Expires, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new CommandRejected([new FieldError("expires", $"'{Expires}' is not one of 30, 90 or 365 days")]),
        };
        Issued = await mediator.Send(new IssueApiKey(actor.UserName, Label, days), cancellationToken);
        Label = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeApiKey(KeyId, actor.UserName), cancellationToken);
        TempData["Done"] = "The key is revoked: it stopped working at once.";
        return Redirect("/my-account");
    }
}
