using CommsLedger.Api.Auth;
using CommsLedger.Application.Access.Credentials;
using CommsLedger.Web.Access;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using SignInThrottle = CommsLedger.Web.Access.SignInThrottle;

namespace CommsLedger.Web.Pages.Account;

/// <summary>Sign in with a ledger user's name and password. Every failure is audited (logged with the name and the
/// address it came from) and repeated failures make the name wait (<see cref="SignInThrottle"/>).</summary>
public sealed class SignInModel(IMediator mediator, SignInThrottle throttle, ILogger<SignInModel> audit) : PageModel
{
    public const string WrongPassword = "The user name or password is not right. Check them and try again.";

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool SignedOut { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = (Name ?? "").Trim();
        if (name.Length == 0)
        {
            ModelState.AddModelError("name", "Enter your user name");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("password", "Enter your password");
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var from = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.WaitUntil(name) is { } until)
        {
            audit.LogWarning("Sign-in refused for {User} from {Address}: {Reason}", name, from, "too many failed attempts");
            ModelState.AddModelError("password",
                $"Too many wrong passwords for '{name}'. Wait until {until.UtcDateTime:HH:mm:ss} UTC, then try again.");
            return Page();
        }

        var user = await mediator.Send(new AuthenticatePassword(name, Password!), cancellationToken);
        if (user is null)
        {
            throttle.Failed(name);
            audit.LogWarning("Sign-in failed for {User} from {Address}: {Reason}", name, from, "wrong user name or password");
            ModelState.AddModelError("password", WrongPassword);
            return Page();
        }

        throttle.Succeeded(name);
        audit.LogInformation("Signed in {User} from {Address}", user.Name, from);
        await HttpContext.SignInAsync(WebSignIn.Scheme, LedgerClaims.Principal(user, WebSignIn.Scheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
