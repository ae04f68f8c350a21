using System.Net;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Recording;

/// <summary>A later call's commitment reaffirms a pledge over HTTP: POST /interactions/{id}/commitments with
/// <c>reaffirms</c>, and the same field in POST /interactions.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReaffirmingOverHttpTests(PostgresCluster postgres) : IAsyncLifetime
{
    private ApiHost _api = null!;
    private HttpClient _recorder = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(postgres);
        _recorder = _api.Client(ApiHost.Recorder);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static object LaterCall(params object[] commitments) => new
    {
        kind = "phone-call",
        occurredOn = "2021-03-01",
        summary = "Follow-up call on vaccines",
        participants = new[] { new { name = "Wang Yi", country = "CN" }, new { name = "Mario Lopez", country = "PE" } },
        commitments,
    };

    private async Task<Guid> SeedPledge()
    {
        using var logged = await _recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        var record = await logged.Body();
        return record.GetProperty("commitments").EnumerateArray().First(c => c.GetProperty("to").GetString() == "PE").GetProperty("pledgeId").GetGuid();
    }

    [Fact]
    public async Task a_commitment_with_reaffirms_answers_the_pledges_id_and_the_pledge_lists_the_call()
    {
        var pledge = await SeedPledge();
        using var later = await _recorder.PostAsync("/interactions", Requests.Json(LaterCall()));
        var laterId = (await later.Body()).GetProperty("id").GetGuid();

        using var added = await _recorder.SendAsync(Requests.Post($"/interactions/{laterId}/commitments",
            new { by = "CN", to = "PE", kind = "pledge", text = "China reaffirmed the trials", reaffirms = pledge }, later.ETag()));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(pledge, (await added.Body()).GetProperty("createdId").GetGuid());
        var register = await (await _recorder.GetAsync($"/pledges/{pledge}")).Body();
        var reaffirmation = register.GetProperty("reaffirmations").EnumerateArray().Single();
        Assert.Equal(laterId, reaffirmation.GetProperty("interactionId").GetGuid());
        var relationship = await (await _recorder.GetAsync("/relationships/CN-PE")).Body();
        Assert.Equal(1, relationship.GetProperty("sides").EnumerateArray().Single(s => s.GetProperty("party").GetString() == "CN").GetProperty("reaffirmed").GetInt32());
    }

    [Fact]
    public async Task logging_a_call_whose_commitment_reaffirms_an_unknown_pledge_answers_400_naming_the_field()
    {
        await SeedPledge();

        using var response = await _recorder.PostAsync("/interactions", Requests.Json(LaterCall(
            new { by = "CN", to = "PE", kind = "pledge", text = "China reaffirmed the trials", reaffirms = Guid.NewGuid() })));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("commitments[0].reaffirms", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
