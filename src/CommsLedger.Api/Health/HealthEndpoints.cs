using CommsLedger.Api.Problems;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;

namespace CommsLedger.Api.Health;

/// <param name="Checks">Each readiness check (database, standby, integrator) and what it found.</param>
public sealed record HealthReport(string Status, string Database, IReadOnlyDictionary<string, string>? Checks = null);

/// <summary>For load balancers and monitors: no sign-in, no ledger content. <c>/health/live</c> says the process
/// answers; <c>/health/ready</c> (and <c>/health</c>) asks the database too: 200 when it answers, else 503 with
/// Retry-After and the cause (refused, shutting down, starting up, timed out, lost).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Ready).WithTags("Health").AllowAnonymous()
            .Produces<HealthReport>().ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Whether the API and its database are up (the same as /health/ready)");
        app.MapGet("/health/ready", Ready).WithTags("Health").AllowAnonymous()
            .Produces<HealthReport>().ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Whether the API can serve requests: its database answers, the standby (when configured) replays, the Merkle log keeps up");
        app.MapGet("/health/live", () => TypedResults.Ok(new HealthReport("ok", "not checked"))).WithTags("Health").AllowAnonymous()
            .Produces<HealthReport>()
            .WithSummary("Whether the API process answers at all (the database is not asked)");
        return app;
    }

    private static async Task<IResult> Ready(HttpContext http, HealthCheckService checks, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(cancellationToken);
        var found = report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Description ?? entry.Value.Status.ToString(), StringComparer.Ordinal);
        if (report.Status != HealthStatus.Unhealthy)
        {
            return TypedResults.Ok(new HealthReport("ok", found["database"], found));
        }

        var failed = report.Entries.Where(entry => entry.Value.Status == HealthStatus.Unhealthy).ToList();
        foreach (var (name, entry) in failed)
        {
            loggers.CreateLogger("CommsLedger.Api.Health").LogError(entry.Exception, "Health check {Check}: {Cause}", name, entry.Description);
        }

        http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var database = report.Entries["database"];
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = database.Status == HealthStatus.Unhealthy ? "The database does not answer" : "Not ready",
            Detail = string.Join("; ", failed.Select(entry => $"{entry.Key}: {entry.Value.Description}")),
            Extensions = { ["database"] = found["database"], ["checks"] = found },
        });
    }
}
