using CommsLedger.Api.Auth;
using CommsLedger.Application.Access;
using CommsLedger.Application.Access.Users;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Access;
using CommsLedger.Web.Forms;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Users;

/// <summary>Administrators: every user, and a form to add one (roles, a clearance up to the administrator's own,
/// an optional password) through the same AddUser command as the API and the CLI.</summary>
[Authorize(Policy = WebPolicies.Administer)]
public sealed class UsersModel(IMediator mediator) : PageModel, ILedgerForm
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? Clearance { get; set; } = "unclassified";
    [BindProperty] public string? Password { get; set; }

    public IReadOnlyList<UserView> All { get; private set; } = [];

    public async Task LoadAsync(CancellationToken cancellationToken) => All = await mediator.Send(new ListUsers(), cancellationToken);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var roles = UserNames.Roles(Roles, errors);
        var clearance = UserNames.Clearance(Clearance, errors);
        errors.ThrowIfAny();
        var user = await mediator.Send(new AddUser(Name ?? "", roles, clearance, string.IsNullOrEmpty(Password) ? null : Password), cancellationToken);
        TempData["Done"] = $"User {user.Name} added: {string.Join(", ", user.Roles.Select(LedgerClaims.RoleName))}, cleared {user.Clearance.Display()}.";
        return Redirect("/admin/users");
    }
}
