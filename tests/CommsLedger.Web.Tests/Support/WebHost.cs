using System.Collections.Concurrent;
using CommsLedger.Api.Hosting;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Hosting;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommsLedger.Web.Tests.Support;

/// <summary>The real web application (pages and API in one process, composed as Program.cs composes it) on Kestrel
/// at 127.0.0.1, on a fresh database of the shared embedded cluster. Its console is captured.</summary>
public sealed class WebHost : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private readonly WebApplication _app;

    private WebHost(WebApplication app, string connectionString, string address, StringWriter console, CapturedLogs logs)
    {
        _app = app;
        ConnectionString = connectionString;
        Address = address;
        Console = console;
        Logs = logs;
    }

    public string ConnectionString { get; }
    public string Address { get; }
    public StringWriter Console { get; }
    public CapturedLogs Logs { get; }

    public static async Task<WebHost> StartAsync(PostgresCluster postgres, bool demo = true, Action<WebApplicationBuilder>? configure = null)
    {
        var connection = await postgres.Cluster.CreateDatabaseAsync("web" + Guid.NewGuid().ToString("N")[..16]);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(WebComposition).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        configure?.Invoke(builder);
        var app = builder.AddLedgerApi(connection).AddLedgerWeb().Build();
        app.UseLedgerWeb();
        app.UseLedgerApi();
        await app.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var console = new StringWriter();
        if (demo)
        {
            await DemoLedger.SeedAsync(app.Services, console, CancellationToken.None);
        }

        await app.StartAsync();
        await app.AnnounceAsync(console, CancellationToken.None);
        return new WebHost(app, connection, Announcement.ListeningAt(app), console, logs);
    }

    /// <summary>Adds a user with <see cref="Password"/>, as the CLI's local operator would.</summary>
    public async Task AddUser(string name, Classification clearance, params LedgerRole[] roles) =>
        await Send(new AddUser(name, roles, clearance, Password));

    public async Task<T> Send<T>(ICommand<T> command)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        ActAsOperator(scope.ServiceProvider.GetRequiredService<Actor>());
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>The tests set the ledger up as the CLI's trusted local operator would: every clearance, said explicitly
    /// (a fresh actor holds none).</summary>
    private static void ActAsOperator(Actor actor)
    {
        actor.UserName = "operator";
        actor.Clearance = Classification.TopSecret;
        actor.Roles = new HashSet<LedgerRole> { LedgerRole.Recorder, LedgerRole.Reviewer };
    }

    public async Task<T> Query<T>(IQuery<T> query, Classification clearance = Classification.TopSecret)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserName = "operator";
        actor.Clearance = clearance;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    /// <summary>Ledger events (a failed append leaves Marten tombstones, which are not events).</summary>
    public async Task<long> EventCount()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from commsledger.mt_events where type <> 'tombstone'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Every log entry with its structured values, so tests can check what was audited.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception),
                values.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString(), StringComparer.Ordinal)));
        }
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, string?> Values);
