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

    public Actor Actor => _scope.ServiceProvider.GetRequiredService<Actor>();

    /// <summary>For work that needs scopes of its own, each with its own actor (the report scheduler's jobs).</summary>
    public IServiceProvider Services => _services;

    /// <summary>Acts as the named ledger user, with their roles and clearance, as an unattended job does.</summary>
    public async Task ActAs(string name, CancellationToken cancellationToken)
    {
        var users = await Mediator.Send(new CommsLedger.Application.Access.Users.ListUsers(), cancellationToken);
        var user = users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new CommsLedger.Domain.Shared.CommandRejected([new("as-user", $"no ledger user is named '{name}' (commsledger users add)")]);
        if (!user.Roles.Any(r => r is LedgerRole.Reporter or LedgerRole.Reviewer or LedgerRole.Recorder))
        {
            throw new CommsLedger.Domain.Shared.CommandRejected([new("as-user", $"{user.Name} holds no role that reads the ledger (reporter, reviewer or recorder)")]);
        }

        Actor.UserName = user.Name;
        Actor.Clearance = user.Clearance;
        Actor.Roles = user.Roles.ToHashSet();
    }

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
