using CommsLedger.Application.Topology;
using Microsoft.AspNetCore.Http.Extensions;

namespace CommsLedger.Web.Hosting;

/// <summary>Read-your-writes for people: a form post that succeeds redirects to a page of this site; the redirect
/// carries the ledger position after the write (<c>?after=</c>), so whichever node serves the next page answers only
/// once it has replayed that write (<see cref="LedgerPositions"/>) — the user always sees what they just recorded.</summary>
internal static class PositionAfterPost
{
    public static async Task Pass(HttpContext http, Func<Task> next)
    {
        if (HttpMethods.IsPost(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<WebPage>() is not null)
        {
            http.Response.OnStarting(async () =>
            {
                if (http.Response.StatusCode is StatusCodes.Status302Found or StatusCodes.Status303SeeOther
                    && LocalTarget(http.Response.Headers.Location.ToString()) is { } target
                    && await http.RequestServices.GetRequiredService<LedgerPositions>().AfterWriteAsync(http.RequestAborted) is { } position)
                {
                    http.Response.Headers.Location = WithPosition(target, position);
                }
            });
        }

        await next();
    }

    /// <summary>The redirect target when it is a path of this site (never another host's address).</summary>
    internal static string? LocalTarget(string location) =>
        location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal)
            ? location
            : null;

    internal static string WithPosition(string target, string position)
    {
        var fragment = target.IndexOf('#', StringComparison.Ordinal);
        var (path, hash) = fragment < 0 ? (target, "") : (target[..fragment], target[fragment..]);
        var query = new QueryBuilder { { LedgerPositions.QueryParameter, position } }.ToQueryString().Value!;
        return path + (path.Contains('?', StringComparison.Ordinal) ? "&" + query[1..] : query) + hash;
    }
}
