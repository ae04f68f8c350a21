using CommsLedger.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace CommsLedger.Api.Auth;

/// <summary>Every 401 and 403: logged with user, route and reason, and answered with a ProblemDetails.</summary>
public sealed class Denials(IProblemDetailsService problems, JwtSettings jwt, ILogger<Denials> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            // Handlers cache their result per request, so this asks again without checking the credentials twice.
            var failure = (await http.AuthenticateAsync(Authentication.Scheme)).Failure?.Message;
            var reason = failure ?? "no credentials: send X-Api-Key, Authorization: Basic, or a bearer token";
            foreach (var challenge in Authentication.Challenges(jwt))
            {
                http.Response.Headers.Append("WWW-Authenticate", challenge);
            }

            await Deny(http, StatusCodes.Status401Unauthorized, "Sign in first", reason);
        }
        else if (result.Forbidden)
        {
            var reason = string.Join("; ", result.AuthorizationFailure?.FailureReasons.Select(r => r.Message) ?? []);
            await Deny(http, StatusCodes.Status403Forbidden, "Your roles do not allow this", reason.Length > 0 ? reason : "not allowed");
        }
        else
        {
            await _default.HandleAsync(next, http, policy, result);
        }
    }

    private async Task Deny(HttpContext http, int status, string title, string reason)
    {
        logger.LogWarning("Denied {Method} {Route} for {User}: {Status} {Reason}",
            http.Request.Method, LedgerProblems.RouteOf(http), LedgerClaims.NameOf(http.User), status, reason);
        http.Response.StatusCode = status;
        await LedgerProblems.WriteAsync(problems, new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = reason },
        });
    }
}
