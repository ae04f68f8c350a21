using CommsLedger.Application.Topology;

namespace CommsLedger.Api.Hosting;

/// <summary>Read-your-writes across replicas (<see cref="LedgerPositions"/>): a successful write answers with a
/// <c>Ledger-Position</c> header; a read that sends one back (<c>?after=</c> or the header) is answered once this node
/// has replayed that far, or refused with 503 after a bounded wait, so a client never reads a ledger older than its
/// own write.</summary>
internal sealed class LedgerPositionMiddleware(RequestDelegate next, LedgerPositions positions)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            if (!await CaughtUpAsync(context))
            {
                context.Response.Headers.RetryAfter = "1";
                await Results.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "This node has not caught up with your write yet",
                    detail: $"It did not replay up to the position you sent within {LedgerPositions.Bound.TotalSeconds:0} s; retry.").ExecuteAsync(context);
                return;
            }
        }
        else
        {
            context.Response.OnStarting(async () =>
            {
                if (context.Response.StatusCode is >= 200 and < 300 && await positions.AfterWriteAsync(context.RequestAborted) is { } position)
                {
                    context.Response.Headers[LedgerPositions.Header] = position;
                }
            });
        }

        await next(context);
    }

    /// <summary>Where standby reads are on (<see cref="StandbyReads"/>), a request that only reads gets its query
    /// session on a standby connection, before anything in the request opens one (signing in reads the ledger too).
    /// Runs first in the pipeline. Anonymous routes (health, assets, the sign-in page) read nothing of the ledger's
    /// entries and stay off it: <c>/health/live</c> must not depend on a database.</summary>
    public static async Task RouteReads(HttpContext context, Func<Task> next)
    {
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null
            && context.RequestServices.GetService<StandbyReads>() is { } standby)
        {
            var connection = await standby.OpenAsync(context.RequestAborted);
            await context.RequestServices.GetRequiredService<ReadRouting>().UseAsync(connection, context.RequestAborted);
        }

        await next();
    }

    private async Task<bool> CaughtUpAsync(HttpContext context)
    {
        var (text, field) = context.Request.Query[LedgerPositions.QueryParameter] is { Count: > 0 } query
            ? (query.ToString(), LedgerPositions.QueryParameter)
            : (context.Request.Headers[LedgerPositions.Header].ToString(), LedgerPositions.Header);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var position = LedgerPositions.Parse(text, field);
        return context.RequestServices.GetRequiredService<ReadRouting>().Connection is { } standby
            ? await positions.WaitForAsync(standby, position, context.RequestAborted)
            : await positions.WaitForAsync(position, context.RequestAborted);
    }
}
