using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Access;
using CommsLedger.Web.Forms;
using CommsLedger.Web.Integrity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Review;

/// <summary>Verifying the whole ledger from the browser (<c>commsledger verify --key</c>, with the trusted public key
/// of Integrity:PublicKeyPath): the run goes on in the background while this page shows its progress, refreshing
/// itself every two seconds, then the result.</summary>
[Authorize(Policy = WebPolicies.Read)]
public sealed class IntegrityModel(IntegrityRuns runs, Actor actor, TimeProvider clock) : PageModel
{
    public IntegrityRun? Run { get; private set; }

    public void OnGet() => Run = runs.Current;

    [Requires(WebPolicies.Review)]
    public IActionResult OnPost()
    {
        ClearanceTooLow.Require(actor.Clearance, Classification.TopSecret, "verifying (it reads every event)");
        runs.Start(actor.UserName, clock);
        return Redirect("/integrity");
    }
}
