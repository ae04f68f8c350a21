using System.Security.Claims;
using CommsLedger.Application.Access;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Api.Auth;

/// <summary>Every way of signing in (API key, Basic, a ministry's JWT) ends in the same claims: the name, ledger
/// roles in lower case, and the clearance. Whatever is not stated is not granted: no clearance claim, UNCLASSIFIED.</summary>
public static class LedgerClaims
{
    public const string Clearance = "clearance";

    public static ClaimsPrincipal Principal(string name, IEnumerable<LedgerRole> roles, Classification clearance, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(Clearance, clearance.ToString()) };
        claims.AddRange(roles.Distinct().Select(r => new Claim(ClaimTypes.Role, RoleName(r))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static ClaimsPrincipal Principal(UserView user, string scheme) => Principal(user.Name, user.Roles, user.Clearance, scheme);

    public static string RoleName(LedgerRole role) => role.ToString().ToLowerInvariant();

    public static IReadOnlySet<LedgerRole> Roles(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? user.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(EnumText.IsName<LedgerRole>)
                .Select(v => Enum.Parse<LedgerRole>(v, ignoreCase: true)).ToHashSet()
            : new HashSet<LedgerRole>();

    public static Classification ClearanceOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && ClassificationNames.TryParse(user.FindFirst(Clearance)?.Value, out var clearance)
            ? clearance
            : Classification.Unclassified;

    public static string NameOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && !string.IsNullOrWhiteSpace(user.Identity.Name) ? user.Identity.Name : "anonymous";
}
