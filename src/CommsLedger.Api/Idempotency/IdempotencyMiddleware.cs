using System.Security.Cryptography;
using System.Text;
using CommsLedger.Api.Problems;
using CommsLedger.Application.Access.Idempotency;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using Marten;

namespace CommsLedger.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on a write: the first request runs, and its key is stored (pending) in the same transaction
/// as the events it appends; when it succeeds its response is kept. A retry with the same key and the same request
/// gets that response again and appends nothing; the same key with a different request is refused (422). A failed
/// request leaves no key behind (its transaction rolled back), so it can be corrected and retried with the same key.
/// A kept response is given again only to a clearance at least the one it was made with.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, ILogger<IdempotencyMiddleware> logger)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext http, Actor actor, IDocumentSession session, IDocumentStore store, TimeProvider clock)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentWrite>() is null || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(http);
            return;
        }

        var key = values.ToString();
        if (key.Length is < 1 or > 200 || key.Any(c => c is < '!' or > '~'))
        {
            throw new RequestRefused(StatusCodes.Status400BadRequest, "Idempotency-Key is not usable", "must be 1 to 200 visible ASCII characters", Header);
        }

        var issuer = http.User.Identity?.AuthenticationType == Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme ? "jwt" : "local";
        var id = $"{issuer}:{actor.UserName}\u241f{key}";
        var hash = await HashAsync(http.Request);
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<IdempotentRequest>(id, http.RequestAborted) is { } earlier)
            {
                await Replay(http, earlier, hash, actor.Clearance);
                return;
            }
        }

        session.Insert(new IdempotentRequest { Id = id, RequestSha256 = hash, Clearance = actor.Clearance, CreatedAt = clock.GetUtcNow() });
        await RunAndKeep(http, store, id, hash, actor.Clearance, clock);
    }

    private async Task RunAndKeep(HttpContext http, IDocumentStore store, string id, string hash, Classification clearance, TimeProvider clock)
    {
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.StatusCode is >= 200 and < 300)
        {
            await Keep(store, http, id, hash, clearance, Encoding.UTF8.GetString(buffer.ToArray()), clock.GetUtcNow());
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private async Task Keep(IDocumentStore store, HttpContext http, string id, string hash, Classification clearance, string body, DateTimeOffset keptAt)
    {
        try
        {
            await using var session = store.LightweightSession();
            session.Store(new IdempotentRequest
            {
                Id = id,
                RequestSha256 = hash,
                State = IdempotentRequest.Done,
                Clearance = clearance,
                StatusCode = http.Response.StatusCode,
                ContentType = http.Response.ContentType,
                ETag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                Body = body,
                CreatedAt = keptAt,
            });
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception failure) when (failure is Npgsql.NpgsqlException or Marten.Exceptions.MartenException or TimeoutException or OperationCanceledException)
        {
            // The change is recorded and its key is pending: its answer still goes out (a 500 would tell the client a
            // recorded change failed), and a retry gets 409, never a second append.
            logger.LogError(failure, "Could not keep the response of idempotent request {Key}", id);
        }
    }

    private static async Task Replay(HttpContext http, IdempotentRequest earlier, string hash, Classification clearance)
    {
        if (earlier.RequestSha256 != hash)
        {
            throw new RequestRefused(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused for a different request",
                "this Idempotency-Key was already used with a different method, path or body; use a new key for a new request", Header);
        }

        if (earlier.Clearance > clearance)
        {
            throw new RequestRefused(StatusCodes.Status409Conflict, "Request with this Idempotency-Key already processed",
                "it was made with a higher clearance than you now hold, so its response is not given again; read the entry to see its state");
        }

        if (earlier.State != IdempotentRequest.Done)
        {
            throw new RequestRefused(StatusCodes.Status409Conflict, "Request with this Idempotency-Key already processed",
                "the change was recorded but its response was not kept (or it is still running); read the entry to see its state");
        }

        http.Response.StatusCode = earlier.StatusCode;
        http.Response.ContentType = earlier.ContentType;
        http.Response.Headers[ReplayedHeader] = "true";
        if (earlier.ETag is not null)
        {
            http.Response.Headers.ETag = earlier.ETag;
        }

        if (earlier.Location is not null)
        {
            http.Response.Headers.Location = earlier.Location;
        }

        await http.Response.WriteAsync(earlier.Body ?? "", http.RequestAborted);
    }

    /// <summary>SHA-256 of method, path, query and body; the body stays readable for the endpoint.</summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var head = Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n");
        return Convert.ToHexStringLower(SHA256.HashData([.. head, .. body.ToArray()]));
    }
}
