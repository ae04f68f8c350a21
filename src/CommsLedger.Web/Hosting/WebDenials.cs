using CommsLedger.Api.Auth;
using CommsLedger.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CommsLedger.Web.Hosting;

/// <summary>A page the user may not open sends them to sign in (or to the "not allowed" page, with the reason logged);
/// everything else is the API's and answered as the API answers it.</summary>
public sealed class WebDenials(IServiceProvider services, ILogger<WebDenials> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _pages = new();
    private readonly Denials _api = ActivatorUtilities.CreateInstance<Denials>(services);

    public Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!policy.AuthenticationSchemes.Contains(WebSignIn.Scheme))
        {
            return _api.HandleAsync(next, http, policy, result);
        }

        if (result.Forbidden)
        {
            var reason = string.Join("; ", result.AuthorizationFailure?.FailureReasons.Select(r => r.Message) ?? []);
            logger.LogWarning("Denied {Method} {Route} for {User}: {Status} {Reason}",
                http.Request.Method, http.Request.Path.Value, LedgerClaims.NameOf(http.User), StatusCodes.Status403Forbidden, reason);
        }

        return _pages.HandleAsync(next, http, policy, result);
    }
}
