using Marten;
using Microsoft.AspNetCore.Mvc;

namespace CommsLedger.Api.Health;

public sealed record HealthReport(string Status, string Database);

/// <summary>For load balancers and monitors: no sign-in, no ledger content; 200 when the database answers, else 503.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Check).WithTags("Health").AllowAnonymous()
            .Produces<HealthReport>().ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Whether the API and its database are up");
        return app;
    }

    private static async Task<IResult> Check(IDocumentStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.AdvancedSql.QueryAsync<int>("select 1", cancellationToken);
            return TypedResults.Ok(new HealthReport("ok", "ok"));
        }
        catch (Exception failure) when (failure is Npgsql.NpgsqlException or Marten.Exceptions.MartenCommandException or TimeoutException)
        {
            loggers.CreateLogger("CommsLedger.Api.Health").LogError(failure, "Health check: the database does not answer");
            return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "The database does not answer" });
        }
    }
}
