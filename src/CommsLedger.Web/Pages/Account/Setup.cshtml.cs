using CommsLedger.Api.Auth;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Access;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Account;

/// <summary>First run: the person at the machine, holding the link printed on the console, creates the first
/// administrator (through the same AddUser command as the CLI and the API) and is signed in as them.</summary>
public sealed class SetupModel(IMediator mediator, FirstRunSetup setup, Actor actor, ILogger<SetupModel> audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    [BindProperty] public string? Clearance { get; set; } = "top-secret";

    public bool Valid { get; private set; }

    public IActionResult OnGet()
    {
        Valid = setup.IsOpen(Code);
        return Valid ? Page() : Gone();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!setup.TryClaim(Code))
        {
            return Gone();
        }

        Valid = true;
        var errors = new FieldErrors();
        var clearance = UserNames.Clearance(Clearance, errors);
        errors.Require(Password == Confirm, "confirm", "does not match the password");
        errors.Require(!string.IsNullOrEmpty(Password), "password", $"is required ({AddUser.MinimumPasswordLength} characters or more)");
        try
        {
            errors.ThrowIfAny();
            // The set-up link stands for the local operator, as the CLI does: it may grant any clearance.
            actor.UserName = "first-run set-up";
            actor.Clearance = Classification.TopSecret;
            var user = await mediator.Send(new AddUser(Name ?? "", [LedgerRole.Admin], clearance, Password), cancellationToken);
            setup.Close();
            audit.LogInformation("First administrator {User} created with the set-up link from {Address}", user.Name, HttpContext.Connection.RemoteIpAddress);
            await HttpContext.SignInAsync(WebSignIn.Scheme, LedgerClaims.Principal(user, WebSignIn.Scheme));
            return Redirect("/");
        }
        catch (CommandRejected rejected)
        {
            foreach (var error in rejected.Errors)
            {
                ModelState.AddModelError(error.Field, error.Problem);
            }
        }
        catch (LedgerRuleViolated rule)
        {
            ModelState.AddModelError(rule.Field, rule.Problem);
        }

        setup.Reopen(Code!);
        return Page();
    }

    private PageResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        Valid = false;
        return Page();
    }
}
