using CommsLedger.Application;
using CommsLedger.Application.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CommsLedger.Cli.Hosting;

/// <summary>One command-line run's ledger: its connection, the application services, and the acting user.</summary>
public sealed class Ledger : IAsyncDisposable
{
    private readonly LedgerConnection _connection;
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private Ledger(LedgerConnection connection)
    {
        _connection = connection;
        _services = new ServiceCollection()
            .AddLedger(connection.ConnectionString, manageSchema: Environment.GetEnvironmentVariable("COMMSLEDGER_MANAGE_SCHEMA") != "false")
            .BuildServiceProvider();
        _scope = _services.CreateAsyncScope();
        var actor = _scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserName = Environment.GetEnvironmentVariable("COMMSLEDGER_USER") ?? Environment.UserName;
    }

    public IMediator Mediator => _scope.ServiceProvider.GetRequiredService<IMediator>();

    public static async Task<Ledger> OpenAsync(CancellationToken cancellationToken) =>
        new(await LedgerConnection.OpenAsync(cancellationToken));

    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
