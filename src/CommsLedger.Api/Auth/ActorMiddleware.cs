using CommsLedger.Application.Pipeline;

namespace CommsLedger.Api.Auth;

/// <summary>
/// Sets the request's <see cref="Actor"/> from the authenticated principal (anonymous: no roles, UNCLASSIFIED), so
/// every event is stamped with the user and correlation id and every query sees only what the clearance allows.
/// The correlation id is the caller's <c>X-Correlation-Id</c> when it is sane, else a new one; it is echoed back.
/// </summary>
public sealed class ActorMiddleware(RequestDelegate next)
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public Task InvokeAsync(HttpContext http, Actor actor)
    {
        actor.UserName = LedgerClaims.NameOf(http.User);
        actor.Roles = LedgerClaims.Roles(http.User);
        actor.Clearance = LedgerClaims.ClearanceOf(http.User);
        actor.CorrelationId = CorrelationOf(http);
        return next(http);
    }

    /// <summary>Called first in the pipeline, so even a 401 carries the correlation id.</summary>
    public static Task Correlate(HttpContext http, Func<Task> next)
    {
        var supplied = http.Request.Headers[CorrelationHeader].ToString();
        var id = supplied.Length is > 0 and <= 100 && supplied.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? supplied
            : Guid.NewGuid().ToString("N");
        http.Items[CorrelationHeader] = id;
        System.Diagnostics.Activity.Current?.SetTag(Application.Observability.LedgerTelemetry.CorrelationTag, id);
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[CorrelationHeader] = id;
            return Task.CompletedTask;
        });
        return next();
    }

    public static string CorrelationOf(HttpContext http) => http.Items[CorrelationHeader] as string ?? http.TraceIdentifier;
}
