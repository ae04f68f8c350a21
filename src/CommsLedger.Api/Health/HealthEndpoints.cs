using CommsLedger.Api.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace CommsLedger.Api.Health;

public sealed record HealthReport(string Status, string Database);

/// <summary>For load balancers and monitors: no sign-in, no ledger content. <c>/health/live</c> says the process
/// answers; <c>/health/ready</c> (and <c>/health</c>) asks the database too: 200 when it answers, else 503 with
/// Retry-After and the cause (refused, shutting down, starting up, timed out, lost).</summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan DatabaseCheckTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Ready).WithTags("Health").AllowAnonymous()
            .Produces<HealthReport>().ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Whether the API and its database are up (the same as /health/ready)");
        app.MapGet("/health/ready", Ready).WithTags("Health").AllowAnonymous()
            .Produces<HealthReport>().ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Whether the API can serve requests: its database answers");
        app.MapGet("/health/live", () => TypedResults.Ok(new HealthReport("ok", "not checked"))).WithTags("Health").AllowAnonymous()
            .Produces<HealthReport>()
            .WithSummary("Whether the API process answers at all (the database is not asked)");
        return app;
    }

    private static async Task<IResult> Ready(HttpContext http, IDocumentStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DatabaseCheckTimeout);
        try
        {
            await using var session = store.QuerySession();
            await session.AdvancedSql.QueryAsync<int>("select 1", timeout.Token);
            return TypedResults.Ok(new HealthReport("ok", "ok"));
        }
        catch (Exception failure) when (DatabaseOutage.CauseOf(failure) is not null
            || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var cause = DatabaseOutage.CauseOf(failure) ?? "the database did not answer in time";
            loggers.CreateLogger("CommsLedger.Api.Health").LogError(failure, "Health check: {Cause}", cause);
            http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database does not answer",
                Detail = cause,
                Extensions = { ["database"] = cause },
            });
        }
    }
}
