using CommsLedger.Api.Auth;
using CommsLedger.Application.Access;
using CommsLedger.Application.Access.Disabling;
using CommsLedger.Application.Access.Keys;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Access.Viewing;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Access;
using CommsLedger.Web.Forms;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Users;

/// <summary>One user, for administrators: change roles and clearance (up to the administrator's own), disable or
/// enable, and revoke API keys. Keys are issued only by their user (on "Your account"): an administrator who could
/// mint them could act as anyone.</summary>
[Authorize(Policy = WebPolicies.Administer)]
public sealed class UserModel(IMediator mediator) : PageModel, ILedgerForm
{
    [BindProperty(SupportsGet = true)] public string Name { get; set; } = "";
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? Clearance { get; set; }
    [BindProperty] public Guid KeyId { get; set; }

    public UserView? Shown { get; private set; }
    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];

    public bool ErrorsPerForm => true;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Shown = await mediator.Send(new GetUser(Name), cancellationToken);
        Keys = Shown is null ? [] : await mediator.Send(new ListApiKeys(Shown.Name), cancellationToken);
    }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAccessAsync(CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var roles = UserNames.Roles(Roles, errors);
        var clearance = UserNames.Clearance(Clearance, errors);
        errors.ThrowIfAny();
        var user = await mediator.Send(new ChangeUserAccess(Name, roles, clearance), cancellationToken);
        return Done($"{user.Name} now holds {string.Join(", ", user.Roles.Select(LedgerClaims.RoleName))}, cleared {user.Clearance.Display()}.");
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var user = await mediator.Send(new DisableUser(Name), cancellationToken);
        return Done($"{user.Name} is disabled: no password, key or session of theirs works any more.");
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        var user = await mediator.Send(new EnableUser(Name), cancellationToken);
        return Done($"{user.Name} is enabled again.");
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeApiKey(KeyId, Name), cancellationToken);
        return Done($"Key {KeyId} of {Name} is revoked: it stopped working at once.");
    }

    private RedirectResult Done(string message)
    {
        TempData["Done"] = message;
        return Redirect($"/admin/users/{Uri.EscapeDataString(Name)}");
    }
}
