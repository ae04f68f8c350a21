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
}
