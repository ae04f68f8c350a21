using CommsLedger.Api.Auth;
using CommsLedger.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Account;

public sealed class SignOutModel(ILogger<SignOutModel> audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        var who = (await HttpContext.AuthenticateAsync(WebSignIn.Scheme)).Principal;
        if (who is not null)
        {
            audit.LogInformation("Signed out {User}", LedgerClaims.NameOf(who));
        }

        await HttpContext.SignOutAsync(WebSignIn.Scheme);
        return RedirectToPage("/Account/SignIn", new { signedOut = true });
    }
}
