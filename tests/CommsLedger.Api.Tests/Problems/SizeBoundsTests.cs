using System.Net;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Api.Tests.Problems;

/// <summary>Inputs that are well formed but far too big are a 400 naming the field, appending nothing, and do not slow
/// anyone else down (one call naming all 261 parties once answered 500 after taking 33,930 locks).</summary>
[Collection(PostgresCollection.Name)]
public sealed class SizeBoundsTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private ApiHost _api = null!;
    private HttpClient _recorder = null!;

    public async Task InitializeAsync()
    {
        _api = await shared.Start(postgres);
        _recorder = _api.Client(ApiHost.Recorder);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task an_interaction_naming_all_261_parties_is_400_naming_participants()
    {
        var everyone = PartyCode.Known;
        var json = Requests.Interaction(draft => draft with
        {
            Participants = [.. everyone.Select(code => new Participant($"Minister {code}", "Foreign Minister", code))],
            Statements = [],
            Commitments = [],
            FollowUps = [],
        });

        var errors = await Refused(json);

        Assert.Equal(261, everyone.Count);
        Assert.Contains($"at most {InteractionDraft.MaxParties} allowed", Assert.Single(errors["participants"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_900000_character_source_url_is_400_naming_it()
    {
        var json = Requests.Interaction(draft => draft with { Source = new SourceReference("huge-url", "https://example.org/" + new string('a', 900_000), null) });

        Assert.Contains("source.url", (await Refused(json)).Keys);
    }

    [Fact]
    public async Task a_text_hash_of_50000_characters_that_are_not_hex_is_400_naming_it()
    {
        var json = Requests.Interaction(draft => draft with { Source = new SourceReference("huge-hash", null, new string('z', 50_000)) });

        Assert.Contains("source.textSha256", (await Refused(json)).Keys);
    }

    private async Task<IReadOnlyDictionary<string, string[]>> Refused(string json)
    {
        var before = await _api.EventCount();
        using var response = await _recorder.PostAsync("/interactions", Requests.Json(json));
        var errors = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal(before, await _api.EventCount());
        return errors;
    }
}
