using CommsLedger.Application.Pipeline;
using Microsoft.AspNetCore.Authorization;

namespace CommsLedger.Api.Auth;

/// <summary>
/// Who may do what (README "Roles"): recorders log and change entries; reviewers read within their clearance,
/// replay and assess compliance; reporters read and build reports (as do reviewers); admins manage users and keys and, by being admin, read
/// nothing of the ledger. Reading also needs clearance: the query handlers drop whatever is above it.
/// </summary>
public static class Policies
{
    public const string Read = "read";
    public const string Record = "record";
    public const string Review = "review";
    public const string Report = "report";
    public const string Administer = "administer";
    public const string SignedIn = "signed-in";
    public const string AuditAccess = "audit-access";

    public static IServiceCollection AddLedgerAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, RolesRequirementHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, Policy("reading the ledger", LedgerRole.Recorder, LedgerRole.Reviewer, LedgerRole.Reporter))
            .AddPolicy(Record, Policy("recording and changing entries", LedgerRole.Recorder))
            .AddPolicy(Report, Policy("building reports", LedgerRole.Reporter, LedgerRole.Reviewer))
            .AddPolicy(Review, Policy("reviewing (assessing compliance, replaying)", LedgerRole.Reviewer))
            .AddPolicy(Administer, Policy("managing users and keys", LedgerRole.Admin))
            .AddPolicy(AuditAccess, Policy("reading the access history", LedgerRole.Admin, LedgerRole.Reviewer))
            .AddPolicy(SignedIn, Policy("this", LedgerRole.Recorder, LedgerRole.Reviewer, LedgerRole.Reporter, LedgerRole.Admin));
        return services;
    }

    private static AuthorizationPolicy Policy(string action, params LedgerRole[] roles) =>
        new AuthorizationPolicyBuilder(Authentication.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new RolesRequirement(action, roles))
            .Build();
}

/// <summary>Holds when the user has one of <see cref="Roles"/>; says why not otherwise, for the 403 and the log.</summary>
public sealed record RolesRequirement(string Action, IReadOnlyList<LedgerRole> Roles) : IAuthorizationRequirement
{
    public override string ToString() => $"{Action} needs the role {string.Join(" or ", Roles.Select(LedgerClaims.RoleName))}";
}

public sealed class RolesRequirementHandler : AuthorizationHandler<RolesRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RolesRequirement requirement)
    {
        var held = LedgerClaims.Roles(context.User);
        if (requirement.Roles.Any(held.Contains))
        {
            context.Succeed(requirement);
        }
        else if (context.User.Identity?.IsAuthenticated == true)
        {
            var needed = string.Join(" or ", requirement.Roles.Select(LedgerClaims.RoleName));
            var has = held.Count == 0 ? "no ledger role" : "only " + string.Join(", ", held.Order().Select(LedgerClaims.RoleName));
            context.Fail(new AuthorizationFailureReason(this, $"{requirement.Action} needs the role {needed}; {LedgerClaims.NameOf(context.User)} has {has}"));
        }

        return Task.CompletedTask;
    }
}
