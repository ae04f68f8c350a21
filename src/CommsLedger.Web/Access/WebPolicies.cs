using CommsLedger.Api.Auth;
using CommsLedger.Application.Pipeline;
using Microsoft.AspNetCore.Authorization;

namespace CommsLedger.Web.Access;

/// <summary>The API's policies (same roles, same reasons) over the cookie scheme.</summary>
public static class WebPolicies
{
    public const string Read = "web-read";
    public const string Record = "web-record";
    public const string Review = "web-review";
    public const string Administer = "web-administer";
    public const string SignedIn = "web-signed-in";

    public static IServiceCollection AddWebAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, Policy("reading the ledger", LedgerRole.Recorder, LedgerRole.Reviewer, LedgerRole.Reporter))
            .AddPolicy(Record, Policy("recording and changing entries", LedgerRole.Recorder))
            .AddPolicy(Review, Policy("reviewing (assessing compliance, replaying)", LedgerRole.Reviewer))
            .AddPolicy(Administer, Policy("managing users and keys", LedgerRole.Admin))
            .AddPolicy(SignedIn, Policy("this", LedgerRole.Recorder, LedgerRole.Reviewer, LedgerRole.Reporter, LedgerRole.Admin));
        return services;
    }

    private static AuthorizationPolicy Policy(string action, params LedgerRole[] roles) =>
        new AuthorizationPolicyBuilder(WebSignIn.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new RolesRequirement(action, roles))
            .Build();
}
