using System.Net;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Recording;

/// <summary>A client can send back what it read: the same kebab-case spelling in requests, responses and /me.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WireVocabularyOverHttpTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await shared.Start(postgres);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task an_interaction_reads_back_in_the_spelling_it_was_sent_in()
    {
        var recorder = _api.Client(ApiHost.Recorder);
        using var logged = await recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        var id = (await logged.Body()).GetProperty("id").GetGuid();

        var read = await (await recorder.GetAsync($"/interactions/{id}")).Body();

        Assert.Equal("phone-call", read.GetProperty("kind").GetString());
        Assert.Equal("unclassified", read.GetProperty("classification").GetString());
    }

    [Fact]
    public async Task a_clearance_reads_the_same_in_me_and_in_the_user_record()
    {
        var me = await (await _api.Client(ApiHost.Admin).GetAsync("/me")).Body();
        var users = await (await _api.Client(ApiHost.Admin).GetAsync("/users")).Body();

        Assert.Equal("top-secret", me.GetProperty("clearance").GetString());
        Assert.All(users.EnumerateArray(), u => Assert.Equal("top-secret", u.GetProperty("clearance").GetString()));
    }

    [Fact]
    public async Task the_old_spellings_are_still_accepted_for_one_release()
    {
        var old = Requests.Interaction().Replace("\"phone-call\"", "\"phoneCall\"", StringComparison.Ordinal);

        using var logged = await _api.Client(ApiHost.Recorder).PostAsync("/interactions", Requests.Json(old));

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Equal("phone-call", (await logged.Body()).GetProperty("kind").GetString());
    }
}
