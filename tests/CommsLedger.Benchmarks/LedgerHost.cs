using CommsLedger.Application;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Application.Topology;
using CommsLedger.EmbeddedPostgres;
using JasperFx.Events.Projections;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CommsLedger.Benchmarks;

/// <summary>The real application, composed exactly as the edges compose it, plus the stores the raw variants use.</summary>
public sealed class LedgerHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly LedgerConnections? _connections;

    private LedgerHost(ServiceProvider services, LedgerConnections? connections = null)
    {
        _services = services;
        _connections = connections;
    }

    /// <summary>The store <c>AddLedger</c> built: <see cref="LedgerStore.Configure"/>, all four projections inline.</summary>
    public IDocumentStore Store => _services.GetRequiredService<IDocumentStore>();

    public static LedgerHost Create(string connectionString) =>
        new(new ServiceCollection().AddLedger(connectionString).BuildServiceProvider());

    /// <summary>The application started as the CLI and the API start it: <see cref="LedgerConnections"/> compares the
    /// stored schema fingerprint with the code's on the pool the store then uses, and Marten checks no schema.</summary>
    public static async Task<LedgerHost> Start(LedgerDatabase database)
    {
        var connections = await LedgerConnections.OpenAsync(database, CancellationToken.None);
        return new(new ServiceCollection().AddLedger(connections).BuildServiceProvider(), connections);
    }

    /// <summary>One command through mediator → validation → stamping → handler, in its own scope as an edge sends it,
    /// by an actor with <paramref name="clearance"/>.</summary>
    public async Task<T> Send<T>(ICommand<T> command, Domain.Shared.Classification clearance = Domain.Shared.Classification.TopSecret)
    {
        await using var scope = _services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserName = "benchmark";
        actor.Clearance = clearance;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>One query through the mediator pipeline in its own scope, by a reader with <paramref name="clearance"/>.</summary>
    public async Task<T> Ask<T>(IQuery<T> query, Domain.Shared.Classification clearance = Domain.Shared.Classification.TopSecret)
    {
        await using var scope = _services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserName = "benchmark";
        actor.Clearance = clearance;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    /// <summary><see cref="LedgerStore.Configure"/> with the write models (<see cref="WriteModels"/>) stored as Inline
    /// snapshots, updated in every append transaction, instead of folded from the stream's events when fetched.</summary>
    public static DocumentStore StoreWithInlineWriteModels(string connectionString) =>
        DocumentStore.For(options =>
        {
            LedgerStore.Configure(options, connectionString);
            foreach (var projection in options.Projections.All.OfType<ProjectionBase>().Where(p => p is InteractionStateAggregation or PledgeStateAggregation))
            {
                projection.Lifecycle = ProjectionLifecycle.Inline;
            }
        });

    /// <summary><see cref="LedgerStore.Configure"/> with every Inline projection moved to Async and no daemon running:
    /// the same event store, with nothing projected at append time. Live write-model aggregations stay Live.</summary>
    public static DocumentStore StoreWithoutProjections(string connectionString) =>
        DocumentStore.For(options =>
        {
            LedgerStore.Configure(options, connectionString);
            foreach (var projection in options.Projections.All.OfType<ProjectionBase>().Where(p => p.Lifecycle == ProjectionLifecycle.Inline))
            {
                projection.Lifecycle = ProjectionLifecycle.Async;
            }

            if (options.Projections.All.Any(p => p.Lifecycle == ProjectionLifecycle.Inline))
            {
                throw new InvalidOperationException("a projection could not be moved out of the append transaction");
            }
        });

    public static async Task<long> EventCount(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_connections is not null)
        {
            await _connections.DisposeAsync();
        }
    }
}
