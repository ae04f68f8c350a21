using System.Net;

namespace CommsLedger.Api.Tests.Auth;

/// <summary>
/// Every endpoint, who may call it, and what a caller who may gets for the probe request below. Writes are probed
/// without If-Match (428) or with an empty body (400), so a permitted call proves it passed authorization while
/// appending nothing. {interaction}, {pledge}, {statement} and {followUp} are the seeded call's ids.
/// </summary>
public static class EndpointMatrix
{
    public const string Anonymous = "anonymous";
    public const string Recorder = Support.ApiHost.Recorder;
    public const string Reviewer = Support.ApiHost.Reviewer;
    public const string Reporter = Support.ApiHost.Reporter;
    public const string Admin = Support.ApiHost.Admin;

    public static readonly string[] Callers = [Anonymous, Recorder, Reviewer, Reporter, Admin];

    private static readonly string[] Readers = [Recorder, Reviewer, Reporter];
    private static readonly string[] Everyone = [Recorder, Reviewer, Reporter, Admin];
    private static readonly string[] Public = [Anonymous, Recorder, Reviewer, Reporter, Admin];

    public static readonly Probe[] Endpoints =
    [
        new("GET", "/health", "/health", null, Public, HttpStatusCode.OK),
        new("GET", "/health/ready", "/health/ready", null, Public, HttpStatusCode.OK),
        new("GET", "/health/live", "/health/live", null, Public, HttpStatusCode.OK),
        new("GET", "/me", "/me", null, Everyone, HttpStatusCode.OK),
        new("POST", "/interactions", "/interactions", "{}", [Recorder], HttpStatusCode.BadRequest),
        new("POST", "/readouts/draft", "/readouts/draft", "", [Recorder], HttpStatusCode.OK, "text/plain"),
        new("GET", "/interactions/{id}", "/interactions/{interaction}", null, Readers, HttpStatusCode.OK),
        new("POST", "/interactions/{id}/statements", "/interactions/{interaction}/statements", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("POST", "/interactions/{id}/commitments", "/interactions/{interaction}/commitments", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("GET", "/pledges", "/pledges?relationship=CN-PE", null, Readers, HttpStatusCode.OK),
        new("GET", "/pledges/{id}", "/pledges/{pledge}", null, Readers, HttpStatusCode.OK),
        new("POST", "/pledges/{id}/progress", "/pledges/{pledge}/progress", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("POST", "/pledges/{id}/status", "/pledges/{pledge}/status", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("POST", "/pledges/{id}/assessments", "/pledges/{pledge}/assessments", "{}", [Reviewer], HttpStatusCode.PreconditionRequired),
        new("GET", "/followups", "/followups?withinDays=30", null, Readers, HttpStatusCode.OK),
        new("POST", "/followups", "/followups", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("POST", "/followups/{id}/completion", "/followups/{followUp}/completion", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("POST", "/followups/{id}/cancellation", "/followups/{followUp}/cancellation", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("POST", "/interactions/{id}/corrections", "/interactions/{interaction}/corrections", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("POST", "/interactions/{id}/retraction", "/interactions/{interaction}/retraction", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("POST", "/interactions/{id}/statements/{statementId}/corrections", "/interactions/{interaction}/statements/{statement}/corrections", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("POST", "/interactions/{id}/statements/{statementId}/retraction", "/interactions/{interaction}/statements/{statement}/retraction", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("POST", "/pledges/{id}/corrections", "/pledges/{pledge}/corrections", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("POST", "/pledges/{id}/retraction", "/pledges/{pledge}/retraction", "{}", [Recorder], HttpStatusCode.PreconditionRequired),
        new("GET", "/relationships", "/relationships?limit=10&sort=last-contact", null, Readers, HttpStatusCode.OK),
        new("GET", "/relationships/{key}", "/relationships/pe-cn?asOccurredBy=2021-01-01", null, Readers, HttpStatusCode.OK),
        new("GET", "/relationships/{key}/contacts", "/relationships/CN-PE/contacts?limit=1", null, Readers, HttpStatusCode.OK),
        new("GET", "/relationships/{key}/pledges", "/relationships/CN-PE/pledges?by=PE&limit=2", null, Readers, HttpStatusCode.OK),
        new("GET", "/relationships/{key}/followups", "/relationships/CN-PE/followups?overdue=true", null, Readers, HttpStatusCode.OK),
        new("GET", "/relationships/{key}/history", "/relationships/CN-PE/history", null, Readers, HttpStatusCode.OK),
        new("GET", "/relationships/{key}/export", "/relationships/CN-PE/export?format=csv", null, Readers, HttpStatusCode.OK),
        new("GET", "/replay/check", "/replay/check", null, [Reviewer], HttpStatusCode.OK),
        new("GET", "/search", "/search?q=Sinopharm&by=CN", null, Readers, HttpStatusCode.OK),
        new("GET", "/reports/{kind}", "/reports/brief?relationship=CN-PE&format=md", null, [Reviewer, Reporter], HttpStatusCode.OK, "text/markdown"),
        new("GET", "/integrity/verify", "/integrity/verify", null, [Reviewer], HttpStatusCode.ServiceUnavailable),
        new("GET", "/users", "/users", null, [Admin], HttpStatusCode.OK),
        new("POST", "/users", "/users", "{}", [Admin], HttpStatusCode.BadRequest),
        new("POST", "/me/keys", "/me/keys", $"{{\"label\": \"{new string('x', 201)}\"}}", Everyone, HttpStatusCode.BadRequest),
        new("DELETE", "/users/{name}/keys/{keyId}", "/users/nobody/keys/{pledge}", null, [Admin], HttpStatusCode.NotFound),
        new("PATCH", "/users/{name}", "/users/nobody", "{}", [Admin], HttpStatusCode.BadRequest),
        new("GET", "/users/{name}/keys", $"/users/{Reporter}/keys", null, [Admin], HttpStatusCode.OK),
        new("GET", "/me/keys", "/me/keys", null, Everyone, HttpStatusCode.OK),
        new("GET", "/access/history", "/access/history", null, [Reviewer, Admin], HttpStatusCode.OK),
    ];

    public static IEnumerable<object[]> Cases() =>
        from endpoint in Endpoints
        from caller in Callers
        select new object[] { $"{endpoint.Method} {endpoint.Route}", caller };

    /// <summary>What <paramref name="caller"/> must get: the probe's status if allowed, else 401 (anonymous) or 403.</summary>
    public static HttpStatusCode Expected(Probe endpoint, string caller) =>
        endpoint.Allowed.Contains(caller) ? endpoint.WhenAllowed
        : caller == Anonymous ? HttpStatusCode.Unauthorized
        : HttpStatusCode.Forbidden;
}

/// <param name="Route">The route as OpenAPI writes it (the matrix is checked against the routing table).</param>
/// <param name="Path">The request actually sent, with the seeded ids in braces.</param>
/// <param name="ContentType">The body's media type; application/json unless said.</param>
public sealed record Probe(string Method, string Route, string Path, string? Body, string[] Allowed, HttpStatusCode WhenAllowed, string? ContentType = null);
