using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CommsLedger.Application;

public static class LedgerServices
{
    /// <summary>Everything the edges need: Marten on <paramref name="connectionString"/>, the mediator with its
    /// pipeline (a span per request, shape validation, clearance of what is recorded, then user/correlation stamping), the clock, and a scoped <see cref="Actor"/>.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services, string connectionString, bool manageSchema = true) =>
        services.AddLedger(options => LedgerStore.Configure(options, connectionString, manageSchema));

    /// <summary>The same on the pool a start-up opened and probed (<see cref="Topology.LedgerConnections"/>): the first
    /// query reuses its connection and loaded types.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services, Topology.LedgerConnections database) =>
        services.AddLedger(options => LedgerStore.Configure(options, database.DataSource, database.ManagesSchema));

    private static IServiceCollection AddLedger(this IServiceCollection services, Action<StoreOptions> configure)
    {
        services.AddMarten(configure).BuildSessionsWith<RoutedSessions>(ServiceLifetime.Scoped);
        services.AddScoped<Topology.ReadRouting>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Actor>();
        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.Namespace = "CommsLedger.Application.Mediation";
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(TracingBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(ClearanceBehaviour<,>), typeof(StampingBehaviour<,>)];
        });
        return services;
    }
}
