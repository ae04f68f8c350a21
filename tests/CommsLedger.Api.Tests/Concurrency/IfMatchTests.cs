using System.Net;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Concurrency;

/// <summary>Optimistic concurrency over HTTP: reads give the stream version as ETag, writes send it back as If-Match.</summary>
[Collection(PostgresCollection.Name)]
public sealed class IfMatchTests(PostgresCluster postgres) : IAsyncLifetime
{
    private ApiHost _api = null!;
    private HttpClient _recorder = null!;
    private Guid _pledge;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(postgres);
        _recorder = _api.Client(ApiHost.Recorder);
        using var logged = await _recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        _pledge = (await logged.Body()).GetProperty("commitments")[0].GetProperty("pledgeId").GetGuid();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task a_read_gives_the_stream_version_as_a_strong_etag()
    {
        using var response = await _recorder.GetAsync($"/pledges/{_pledge}");

        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal((await response.Body()).GetProperty("version").GetInt64(), response.ETag());
    }

    [Fact]
    public async Task a_stale_if_match_is_409_and_appends_nothing()
    {
        var read = await Version();
        using var first = await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/progress", new { note = "first desk" }, read));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var events = await _api.EventCount();

        using var second = await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/progress", new { note = "second desk, stale" }, read));

        await second.Problem(HttpStatusCode.Conflict);
        Assert.Equal(events, await _api.EventCount());
        Assert.Equal(read + 1, await Version());
    }

    [Fact]
    public async Task a_write_without_if_match_is_428_and_appends_nothing()
    {
        var events = await _api.EventCount();

        using var response = await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/progress", new { note = "no etag" }));

        var errors = await response.Problem(HttpStatusCode.PreconditionRequired);
        Assert.Contains("If-Match", errors.Keys);
        Assert.Equal(events, await _api.EventCount());
    }

    [Theory]
    [InlineData("*")]
    [InlineData("W/\"2\"")]
    [InlineData("\"two\"")]
    public async Task an_if_match_that_is_not_our_etag_is_400_naming_it(string ifMatch)
    {
        var request = Requests.Post($"/pledges/{_pledge}/progress", new { note = "odd etag" });
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var events = await _api.EventCount();

        using var response = await _recorder.SendAsync(request);

        Assert.Contains("If-Match", (await response.Problem(HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(events, await _api.EventCount());
    }

    [Fact]
    public async Task the_etag_a_write_returns_is_the_one_to_send_next()
    {
        using var first = await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/progress", new { note = "one" }, await Version()));
        using var second = await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/progress", new { note = "two" }, first.ETag()));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.ETag() + 1, second.ETag());
    }

    private async Task<long> Version()
    {
        using var response = await _recorder.GetAsync($"/pledges/{_pledge}");
        return response.ETag();
    }
}
