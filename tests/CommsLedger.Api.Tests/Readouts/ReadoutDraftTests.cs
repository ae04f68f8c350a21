using System.Net;
using System.Text;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Ingest;

namespace CommsLedger.Api.Tests.Readouts;

/// <summary>POST /readouts/draft answers the CLI's draft JSON for a readout, refuses what is not one, and records nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadoutDraftTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private const string Readout = """
        China is ready to work with Peru to safeguard multilateralism, Chinese State Councilor and Foreign Minister Wang Yi said Thursday.

        Wang made the remarks in a phone conversation with Peruvian Foreign Minister Mario Lopez.

        China will continue to provide assistance to Peru in fighting the pandemic, Wang said.
        """;

    private ApiHost _api = null!;
    private HttpClient _recorder = null!;

    public async Task InitializeAsync()
    {
        _api = await shared.Start(postgres);
        _recorder = _api.Client(ApiHost.Recorder);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_readout_gives_exactly_the_draft_json_and_records_nothing()
    {
        var events = await _api.EventCount();

        using var response = await _recorder.PostAsync("/readouts/draft", new StringContent(Readout, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DraftJson.Serialize(ReadoutExtractor.Extract(Readout)), await response.Content.ReadAsStringAsync());
        Assert.Contains("PE", (await response.Body()).GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("country").GetString()));
        Assert.Equal(events, await _api.EventCount());
    }

    [Fact]
    public async Task binary_is_400_naming_body()
    {
        using var content = new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");

        var errors = await (await _recorder.PostAsync("/readouts/draft", content)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("body", errors.Keys);
    }

    [Fact]
    public async Task an_oversized_readout_is_413_naming_body()
    {
        var huge = new StringContent(new string('a', 2 * 1024 * 1024), Encoding.UTF8, "text/plain");

        var errors = await (await _recorder.PostAsync("/readouts/draft", huge)).Problem(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("body", errors.Keys);
    }

    [Fact]
    public async Task json_is_415_naming_the_content_type()
    {
        var errors = await (await _recorder.PostAsync("/readouts/draft", Requests.Json("{}"))).Problem(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("text/plain", Assert.Single(errors["Content-Type"]), StringComparison.Ordinal);
    }
}
