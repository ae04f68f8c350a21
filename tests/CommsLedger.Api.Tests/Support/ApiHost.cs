using System.Net.Http.Headers;
using CommsLedger.Api.Hosting;
using CommsLedger.Api.Tests.Support.Contract;
using CommsLedger.Application.Access.Keys;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommsLedger.Api.Tests.Support;

/// <summary>
/// The real API on Kestrel at 127.0.0.1 (a free port the OS picks), on a fresh database of the shared embedded cluster,
/// with one user per role, each holding an API key. Users are added through the mediator, as the CLI's trusted local
/// operator adds them.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string Recorder = "rita";
    public const string Reviewer = "victor";
    public const string Reporter = "rory";
    public const string Admin = "ada";

    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private int _disposed;

    private ApiHost(WebApplication app, string connectionString, Uri address, CapturedLogs logs)
    {
        _app = app;
        ConnectionString = connectionString;
        Address = address;
        Logs = logs;
    }

    public string ConnectionString { get; }
    public Uri Address { get; }
    public CapturedLogs Logs { get; }
    public IServiceProvider Services => _app.Services;

    public static Task<ApiHost> StartAsync(PostgresCluster postgres, IDictionary<string, string?>? settings = null) =>
        StartAsync(postgres.Cluster, settings);

    public static async Task<ApiHost> StartAsync(CommsLedger.EmbeddedPostgres.EmbeddedCluster cluster, IDictionary<string, string?>? settings = null)
    {
        var connection = await cluster.CreateDatabaseAsync("api" + Guid.NewGuid().ToString("N")[..16]);
        var host = await StartOnAsync(connection, settings);
        await host.AddUser(Recorder, Classification.TopSecret, LedgerRole.Recorder);
        await host.AddUser(Reviewer, Classification.TopSecret, LedgerRole.Reviewer);
        await host.AddUser(Reporter, Classification.TopSecret, LedgerRole.Reporter);
        await host.AddUser(Admin, Classification.TopSecret, LedgerRole.Admin);
        return host;
    }

    /// <summary>Another node on a ledger that already exists: no users added.</summary>
    public static async Task<ApiHost> StartOnAsync(string connection, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(ApiComposition).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        var app = builder.AddLedgerApi(connection).Build();
        app.UseLedgerApi();
        await app.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ApiHost(app, connection, new Uri(address), logs);
    }

    /// <summary>Adds a user with an API key (and a password when given), as the CLI's local operator would.</summary>
    public async Task AddUser(string name, Classification clearance, params LedgerRole[] roles) => await AddUser(name, clearance, null, roles);

    public async Task AddUser(string name, Classification clearance, string? password, params LedgerRole[] roles)
    {
        await Send(new AddUser(name, roles, clearance, password));
        _keys[name] = (await Send(new IssueApiKey(name, "tests"))).Key;
    }

    public string KeyOf(string user) => _keys[user];

    /// <summary>A client whose every answer is checked against the OpenAPI document (a test fails on any answer the
    /// document does not describe: see <see cref="ContractCheckingHandler"/>).</summary>
    public HttpClient Client(string? user = null, string? correlationId = null)
    {
        var client = new HttpClient(new ContractCheckingHandler(ResponseContract.Committed)) { BaseAddress = Address };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", _keys[user]);
        }

        if (correlationId is not null)
        {
            client.DefaultRequestHeaders.Add("X-Correlation-Id", correlationId);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

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

    /// <summary>Ledger events; a failed append leaves Marten tombstones (placeholders keeping sequence numbers), not events.</summary>
    public async Task<long> EventCount()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from commsledger.mt_events where type <> 'tombstone'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Stops the node; a test that stops it early may dispose it again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
