using System.Net;
using System.Text.Json;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Recording;

/// <summary>Every write, end to end over HTTP: each returns the stream's new version as ETag, which the next write sends as If-Match.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RecordingOverHttpTests(PostgresCluster postgres) : IAsyncLifetime
{
    private ApiHost _api = null!;
    private HttpClient _recorder = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(postgres);
        _recorder = _api.Client(ApiHost.Recorder);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task logging_answers_201_with_the_record_its_location_and_its_version_as_etag()
    {
        using var response = await _recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));

        var record = await response.Body();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/interactions/{record.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);
        Assert.Equal(record.GetProperty("version").GetInt64(), response.ETag());
        Assert.Equal(7, record.GetProperty("commitments").GetArrayLength());
        Assert.Equal(ApiHost.Recorder, record.GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task a_recorder_adds_statements_and_commitments_with_the_etag_they_read()
    {
        var id = await Log();
        using var read = await _recorder.GetAsync($"/interactions/{id}");
        var version = read.ETag();

        using var statement = await _recorder.SendAsync(Requests.Post($"/interactions/{id}/statements",
            new { speaker = "Mario Lopez", country = "PE", text = "Peru hopes to open a trade office in Shanghai.", topics = new[] { "trade" } }, version));
        using var commitment = await _recorder.SendAsync(Requests.Post($"/interactions/{id}/commitments",
            new { by = "CN", to = "PE", kind = "pledge", text = "China will donate 100,000 test kits", topic = "COVID-19", due = "2021-01-31" }, statement.ETag()));

        Assert.Equal(HttpStatusCode.OK, statement.StatusCode);
        Assert.Equal(version + 1, statement.ETag());
        Assert.Equal(HttpStatusCode.OK, commitment.StatusCode);
        var pledgeId = (await commitment.Body()).GetProperty("createdId").GetGuid();
        using var pledge = await _recorder.GetAsync($"/pledges/{pledgeId}");
        Assert.Equal(HttpStatusCode.OK, pledge.StatusCode);
        Assert.Equal("China will donate 100,000 test kits", (await pledge.Body()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task a_pledge_goes_through_progress_follow_up_outcome_and_assessment()
    {
        var pledgeId = await FirstPledge(await Log());
        var version = await PledgeVersion(pledgeId);

        using var progress = await Ok(_recorder, $"/pledges/{pledgeId}/progress", new { note = "Trial doses shipped to Lima", asOf = "2020-11-20" }, version);
        using var scheduled = await Ok(_recorder, "/followups", new { pledgeId, action = "Ask for the trial timetable", owner = "Health desk", due = "2021-01-15" }, progress.ETag());
        var followUpId = (await scheduled.Body()).GetProperty("createdId").GetGuid();
        using var completed = await Ok(_recorder, $"/followups/{followUpId}/completion", new { outcome = "Timetable received", on = "2021-01-10" }, scheduled.ETag());
        using var fulfilled = await Ok(_recorder, $"/pledges/{pledgeId}/status", new { status = "fulfilled", on = "2021-02-09", note = "Trials ran" }, completed.ETag());
        using var assessed = await Ok(_api.Client(ApiHost.Reviewer), $"/pledges/{pledgeId}/assessments", new { score = 1, rationale = "Trials ran in Lima" }, fulfilled.ETag());

        var pledge = await (await _recorder.GetAsync($"/pledges/{pledgeId}")).Body();
        Assert.Equal("fulfilled", pledge.GetProperty("status").GetString());
        Assert.Equal(100, pledge.GetProperty("assessments")[0].GetProperty("percent").GetInt32());
        Assert.Equal(assessed.ETag(), pledge.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task follow_ups_are_listed_and_cancelled()
    {
        await Log();
        var open = await (await _recorder.GetAsync("/followups?relationship=pe-cn")).Body();
        var item = open.EnumerateArray().First(f => f.GetProperty("pledgeId").ValueKind == JsonValueKind.String);
        var pledgeId = item.GetProperty("pledgeId").GetGuid();

        using var cancelled = await Ok(_recorder, $"/followups/{item.GetProperty("id").GetGuid()}/cancellation", new { reason = "Covered by the embassy" }, await PledgeVersion(pledgeId));

        var after = await (await _recorder.GetAsync("/followups?relationship=CN-PE")).Body();
        Assert.Equal(open.GetArrayLength() - 1, after.GetArrayLength());
    }

    [Fact]
    public async Task corrections_and_retractions_of_each_kind_of_entry_are_recorded()
    {
        var id = await Log();
        var record = await (await _recorder.GetAsync($"/interactions/{id}")).Body();
        var statementId = record.GetProperty("statements")[0].GetProperty("statementId").GetGuid();
        var pledgeId = record.GetProperty("commitments")[0].GetProperty("pledgeId").GetGuid();
        var version = record.GetProperty("version").GetInt64();

        using var corrected = await Ok(_recorder, $"/interactions/{id}/corrections", new { field = "occurred_on", now = "2020-11-04", reason = "Readout date misread" }, version);
        using var statement = await Ok(_recorder, $"/interactions/{id}/statements/{statementId}/corrections", new { field = "text", now = "China is ready to work with Peru.", reason = "Typo" }, corrected.ETag());
        using var retracted = await Ok(_recorder, $"/interactions/{id}/statements/{statementId}/retraction", new { reason = "Not in the readout" }, statement.ETag());
        using var pledge = await Ok(_recorder, $"/pledges/{pledgeId}/corrections", new { field = "due", now = "2021-06-30", reason = "Due date given later" }, await PledgeVersion(pledgeId));
        using var pledgeRetracted = await Ok(_recorder, $"/pledges/{pledgeId}/retraction", new { reason = "A statement, not a commitment" }, pledge.ETag());
        using var interaction = await Ok(_recorder, $"/interactions/{id}/retraction", new { reason = "Logged twice" }, retracted.ETag());

        var after = await (await _recorder.GetAsync($"/interactions/{id}")).Body();
        Assert.Equal("Logged twice", after.GetProperty("retractionReason").GetString());
        Assert.Equal(2, after.GetProperty("corrections").GetArrayLength());
    }

    private async Task<Guid> Log()
    {
        using var response = await _recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Body()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> FirstPledge(Guid interactionId) =>
        (await (await _recorder.GetAsync($"/interactions/{interactionId}")).Body()).GetProperty("commitments")[1].GetProperty("pledgeId").GetGuid();

    private async Task<long> PledgeVersion(Guid pledgeId)
    {
        using var response = await _recorder.GetAsync($"/pledges/{pledgeId}");
        return response.ETag();
    }

    private static async Task<HttpResponseMessage> Ok(HttpClient client, string path, object body, long version)
    {
        var response = await client.SendAsync(Requests.Post(path, body, version));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
