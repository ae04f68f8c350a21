using System.Net;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Search;

[Collection(PostgresCollection.Name)]
public sealed class SearchEndpointTests(PostgresCluster postgres) : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(postgres);
        using var logged = await _api.Client(ApiHost.Recorder).PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task search_returns_a_page_of_ranked_hits_with_highlights_links_and_facets()
    {
        using var response = await _api.Client(ApiHost.Reporter).GetAsync("/search?q=Sinopharm&by=CN&from=2020-01-01&pageSize=2&page=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Body();
        var hits = body.GetProperty("hits");
        Assert.Equal(2, hits.GetArrayLength());
        Assert.True(body.GetProperty("total").GetInt64() > 2);
        var first = hits[0];
        Assert.StartsWith("/", first.GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.Contains(first.GetProperty("highlight").EnumerateArray(), p => p.GetProperty("match").GetBoolean());
        Assert.Equal("CN-PE", body.GetProperty("relationships")[0].GetProperty("value").GetString());
        Assert.Equal(body.GetProperty("total").GetInt64(), body.GetProperty("years")[0].GetProperty("count").GetInt64());
        using var link = await _api.Client(ApiHost.Reporter).GetAsync(first.GetProperty("link").GetString());
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
    }

    [Fact]
    public async Task bad_search_parameters_are_400_naming_each_field()
    {
        using var response = await _api.Client(ApiHost.Reporter).GetAsync("/search?kind=speech&from=2020-13-01&pageSize=500&includeRetracted=maybe");

        var errors = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Contains("kind", errors.Keys);
    }

    [Fact]
    public async Task an_empty_query_is_400_naming_q()
    {
        using var response = await _api.Client(ApiHost.Reporter).GetAsync("/search?q=%20");

        var errors = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["q"], errors.Keys);
    }

    [Fact]
    public async Task search_needs_sign_in()
    {
        using var response = await _api.Client().GetAsync("/search?q=Sinopharm");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
