using System.Net;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Health;

[Collection(PostgresCollection.Name)]
public sealed class HealthTests(PostgresCluster postgres) : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartAsync(postgres);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task health_answers_200_without_credentials_when_the_database_is_up()
    {
        using var response = await _api.Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Body()).GetProperty("database").GetString());
    }

    [Fact]
    public async Task ready_names_each_check_it_made()
    {
        using var response = await _api.Client().GetAsync("/health/ready");
        var checks = (await response.Body()).GetProperty("checks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", checks.GetProperty("database").GetString());
        Assert.Equal("none configured", checks.GetProperty("standby").GetString());
        Assert.Equal("no log yet", checks.GetProperty("integrator").GetString());
    }

    [Fact]
    public async Task ready_answers_503_naming_the_standby_when_the_configured_standby_does_not_answer_while_live_answers_200()
    {
        var unreachable = new Npgsql.NpgsqlConnectionStringBuilder(_api.ConnectionString) { Port = UnusedPort(), Timeout = 2 }.ConnectionString;
        await using var node = await ApiHost.StartOnAsync(_api.ConnectionString, new Dictionary<string, string?> { ["ConnectionStrings:Standby"] = unreachable });

        using var ready = await node.Client().GetAsync("/health/ready");
        using var live = await node.Client().GetAsync("/health/live");
        var problem = await ready.Body();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.StartsWith("standby:", problem.GetProperty("detail").GetString());
        Assert.Equal("ok", problem.GetProperty("database").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
