using System.Text.Json;
using System.Text.Json.Serialization;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Corrections;
using CommsLedger.Api.Exports;
using CommsLedger.Api.FollowUps;
using CommsLedger.Api.Health;
using CommsLedger.Api.History;
using CommsLedger.Api.Idempotency;
using CommsLedger.Api.Integrity;
using CommsLedger.Api.Interactions;
using CommsLedger.Api.OpenApi;
using CommsLedger.Api.Pledges;
using CommsLedger.Api.Problems;
using CommsLedger.Api.Readouts;
using CommsLedger.Api.Relationships;
using CommsLedger.Api.Reports;
using CommsLedger.Api.Search;
using CommsLedger.Api.Users;
using CommsLedger.Application;
using CommsLedger.Application.Topology;
using CommsLedger.Application.Wire;
using CommsLedger.EmbeddedPostgres;
using Microsoft.AspNetCore.Authorization;
using Scalar.AspNetCore;

namespace CommsLedger.Api.Hosting;

/// <summary>The API's services and pipeline, shared by Program.cs and the tests' in-process hosts.</summary>
public static class ApiComposition
{
    /// <summary>Where the ledger lives (<see cref="LedgerDatabase"/>), by this host's configuration, protected by default
    /// (<see cref="LedgerConnections"/>): the host runs as the application role.</summary>
    public static Task<LedgerConnections> OpenLedgerDatabaseAsync(this WebApplicationBuilder builder, CancellationToken cancellationToken) =>
        LedgerConnections.OpenAsync(builder.Configuration.GetConnectionString(LedgerDatabase.ConnectionName), cancellationToken);

    /// <summary>On the pool the start-up probed (<see cref="LedgerConnections.DataSource"/>).</summary>
    public static WebApplicationBuilder AddLedgerApi(this WebApplicationBuilder builder, LedgerConnections database) =>
        builder.AddLedgerApi(database.App, services => services.AddLedger(database));

    /// <param name="manageSchema">Whether Marten checks and changes the schema itself (tests on a fresh database do).</param>
    public static WebApplicationBuilder AddLedgerApi(this WebApplicationBuilder builder, string connectionString, bool manageSchema = true) =>
        builder.AddLedgerApi(connectionString, services => services.AddLedger(connectionString, manageSchema));

    private static WebApplicationBuilder AddLedgerApi(this WebApplicationBuilder builder, string connectionString, Action<IServiceCollection> addLedger)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ApiLimits.MaxBodyBytes);
        var services = builder.Services;
        addLedger(services);
        services.AddSingleton(provider => new LedgerPositions(connectionString, provider.GetRequiredService<TimeProvider>()));
        if (StandbyReads.Wanted(builder.Configuration[StandbyReads.Setting] ?? Environment.GetEnvironmentVariable("COMMSLEDGER_READS")))
        {
            services.AddSingleton(_ => new StandbyReads(connectionString));
        }

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Use();
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["correlationId"] = ActorMiddleware.CorrelationOf(context.HttpContext));
        services.AddExceptionHandler<LedgerProblems>();
        services.AddSingleton<LedgerProblems>();
        services.AddLedgerAuthentication(builder.Configuration);
        services.AddLedgerAuthorization();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, Denials>();
        services.AddLedgerLog(connectionString);
        services.AddLedgerOpenApi();
        services.AddSingleton(provider => new LeaderLeases(connectionString, provider.GetRequiredService<ILoggerFactory>()));
        services.AddScheduledReports(builder.Configuration);
        services.AddIntegratorNode(builder.Configuration);
        services.AddSharedSessionKeys();
        services.AddLedgerHealthChecks(builder.Configuration);
        services.AddLedgerTelemetry(builder.Configuration);
        return builder;
    }

    public static WebApplication UseLedgerApi(this WebApplication app)
    {
        app.Use(ActorMiddleware.Correlate);
        app.UseExceptionHandler();
        app.Use(Http.Charsets.RequireUtf8);
        app.Use(LedgerPositionMiddleware.RouteReads);
        app.UseStatusCodePages(context => context.HttpContext.RequestServices.GetRequiredService<LedgerProblems>().WriteBareAsync(context.HttpContext));
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseMiddleware<LedgerPositionMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapHealth();
        app.MapInteractions();
        app.MapReadouts();
        app.MapPledges();
        app.MapFollowUps();
        app.MapCorrections();
        app.MapRelationships();
        app.MapHistory();
        app.MapExports();
        app.MapIntegrity();
        app.MapUsers();
        app.MapSearch();
        app.MapReports();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        return app;
    }
}
