using CommsLedger.Application;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Topology;
using CommsLedger.Domain.Shared;
using CommsLedger.EmbeddedPostgres;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommsLedger.Cli.Hosting;

/// <summary>One command-line run's ledger: its database, the application services, and the acting user.</summary>
public sealed class Ledger : IAsyncDisposable
{
    private readonly LedgerConnections _database;
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private Ledger(LedgerConnections database)
    {
        _database = database;
        _services = new ServiceCollection()
            .AddLedger(database)
            .BuildServiceProvider();
        _scope = _services.CreateAsyncScope();
        ActAsLocalOperator(Actor);
    }

    public IMediator Mediator => _scope.ServiceProvider.GetRequiredService<IMediator>();

    public Actor Actor => _scope.ServiceProvider.GetRequiredService<Actor>();

    /// <summary>For work that needs scopes of its own, each with its own actor (the report scheduler's jobs).</summary>
    public IServiceProvider Services => _services;

    /// <summary>Today by the clock <see cref="LedgerServices.AddLedger"/> registers (the system's), read before a
    /// command opens the ledger too: arguments are checked first.</summary>
    public static DateOnly Today => TimeProvider.System.Today();

    /// <summary>The primary's WAL position now (after a write: at or beyond its commit), which a read on any node can
    /// wait for (the API's <c>?after=</c>); printed with every change in <c>--format json</c>. Null when the database
    /// went away after the write committed: the change is recorded and says so, without a position.</summary>
    public Task<string?> PositionAsync(CancellationToken cancellationToken) =>
        new LedgerPositions(_database.App, TimeProvider.System).AfterWriteAsync(cancellationToken);

    /// <summary>Acts as the named ledger user, with their roles and clearance, as an unattended job does.</summary>
    public async Task ActAs(string name, CancellationToken cancellationToken)
    {
        var users = await Mediator.Send(new CommsLedger.Application.Access.Users.ListUsers(), cancellationToken);
        var user = users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new CommandRejected([new("as-user", $"no ledger user is named '{name}' (commsledger users add)")]);
        if (!user.Roles.Any(r => r is LedgerRole.Reporter or LedgerRole.Reviewer or LedgerRole.Recorder))
        {
            throw new CommandRejected([new("as-user", $"{user.Name} holds no role that reads the ledger (reporter, reviewer or recorder)")]);
        }

        Actor.UserName = user.Name;
        Actor.Clearance = user.Clearance;
        Actor.Roles = user.Roles.ToHashSet();
    }

    public static async Task<Ledger> OpenAsync(CancellationToken cancellationToken) => new(await OpenConnectionsAsync(cancellationToken));

    /// <summary>The database this run uses, protected by default (see <see cref="LedgerConnections"/>): the connection
    /// every command but <c>guard install</c> runs on.</summary>
    public static Task<LedgerConnections> OpenConnectionsAsync(CancellationToken cancellationToken) =>
        LedgerConnections.OpenAsync(ConfiguredConnection(), cancellationToken);

    /// <summary>The database as configured, before any role is chosen: for <c>guard install</c>, which runs as a superuser.</summary>
    public static Task<LedgerDatabase> OpenDatabaseAsync(CancellationToken cancellationToken) =>
        LedgerDatabase.OpenAsync(ConfiguredConnection(), cancellationToken);

    // The CLI's configuration is an appsettings.json next to the binary or in the working directory.
    private static string? ConfiguredConnection() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile("appsettings.json", optional: true)
            .Build()
            .GetConnectionString(LedgerDatabase.ConnectionName);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Whoever runs the CLI on the ledger's machine can read its database anyway: they are its trusted local
    /// operator, who records and reviews with every clearance, under their own name ($COMMSLEDGER_USER, else the OS
    /// user). This is the one place an actor is raised without a ledger user behind it.</summary>
    private static void ActAsLocalOperator(Actor actor)
    {
        actor.UserName = Environment.GetEnvironmentVariable("COMMSLEDGER_USER") ?? Environment.UserName;
        actor.Clearance = Classification.TopSecret;
        actor.Roles = new HashSet<LedgerRole> { LedgerRole.Recorder, LedgerRole.Reviewer };
    }
}
