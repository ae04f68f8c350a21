using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommsLedger.Application.Tests.Support;

/// <summary>The real application (mediator, pipeline, Marten) on a fresh database of the shared cluster.</summary>
public sealed class TestLedger : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestLedger(ServiceProvider services, string connectionString)
    {
        _services = services;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public IDocumentStore Store => _services.GetRequiredService<IDocumentStore>();

    /// <param name="configure">Services a test puts in place of the application's (a clock it moves, a Marten listener).</param>
    public static async Task<TestLedger> Create(PostgresCluster postgres, Action<IServiceCollection>? configure = null)
    {
        var connection = await postgres.Cluster.CreateDatabaseAsync("t" + Guid.NewGuid().ToString("N")[..16]);
        var collection = new ServiceCollection().AddLedger(connection);
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new TestLedger(services, connection);
    }

    public async Task<T> Send<T>(ICommand<T> command, string user = "recorder.one", string? correlationId = null, Classification clearance = Classification.TopSecret)
    {
        await using var scope = _services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserName = user;
        actor.CorrelationId = correlationId ?? actor.CorrelationId;
        actor.Clearance = clearance;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    public async Task<T> Ask<T>(IQuery<T> query, Classification clearance = Classification.TopSecret)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Clearance = clearance;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public async Task<long> EventCount()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from commsledger.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
