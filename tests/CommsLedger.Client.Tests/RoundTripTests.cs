using System.Text.Json.Nodes;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Client.Models;
using CommsLedger.Client.Tests.Support;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace CommsLedger.Client.Tests;

/// <summary>Through the generated client only: sign in with a key, log the seed call, read it back, and write what
/// was read again unchanged; the wire vocabulary must survive both directions.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RoundTripTests(PostgresCluster postgres) : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartAsync(postgres);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task an_api_key_signs_the_client_in_as_its_user()
    {
        var me = await LedgerClients.SignedIn(_api, ApiHost.Recorder).Me.GetAsync();

        Assert.Equal(ApiHost.Recorder, me!.Name);
        Assert.Contains("recorder", me.Roles!);
    }

    [Fact]
    public async Task a_wrong_key_is_a_typed_401_problem()
    {
        var client = LedgerClients.WithKey(_api, "cl_not-a-key");

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => client.Me.GetAsync());

        Assert.Equal(401, problem.ResponseStatusCode);
        Assert.Equal(401, problem.Status);
    }

    [Fact]
    public async Task the_seed_call_logged_and_read_back_is_written_again_unchanged()
    {
        var client = LedgerClients.SignedIn(_api, ApiHost.Recorder);
        var seed = await LedgerClients.SeedCall();

        var logged = await client.Interactions.PostAsync(seed);
        var read = await client.Interactions[logged!.Id!.Value].GetAsync();

        Assert.Equal(InteractionKind.PhoneCall, read!.Kind);
        Assert.Equal(new Date(2020, 11, 5), read.Occurred!.Date);
        Assert.Equal(Classification.Unclassified, read.Classification);
        Assert.Equal(seed.Statements!.Select(s => s.Text), read.Statements!.Select(s => s.Text));
        Assert.Equal(seed.Commitments!.Select(c => c.Text), read.Commitments!.Select(c => c.Text));
        Assert.Equal(await Json(logged), await Json(read));

        // What was read, written back in the request shape, is the same call: the ledger recognises its source.
        var again = InteractionFiles.From(read);
        Assert.Contains("\"kind\":\"phone-call\"", await KiotaJsonSerializer.SerializeAsStringAsync(again), StringComparison.Ordinal);
        var duplicate = await Assert.ThrowsAsync<ProblemDetails>(() => client.Interactions.PostAsync(again));
        Assert.Equal(409, duplicate.ResponseStatusCode);

        // Without its source id it is logged anew, and reads back as the same record but for its ids and times.
        again.Source = null;
        var copy = await client.Interactions.PostAsync(again);
        var copyRead = await client.Interactions[copy!.Id!.Value].GetAsync();
        Assert.NotEqual(read.Id, copyRead!.Id);
        Assert.Equal(await Content(read), await Content(copyRead));
    }

    [Fact]
    public async Task a_time_of_day_reads_back_with_its_seconds_and_is_accepted_again_as_read()
    {
        var client = LedgerClients.SignedIn(_api, ApiHost.Recorder);
        var call = await LedgerClients.SeedCall();
        call.Source = null;
        call.OccurredTime = "14:30";
        call.TimeZone = "America/Lima";

        var logged = await client.Interactions.PostAsync(call);
        var read = await client.Interactions[logged!.Id!.Value].GetAsync();
        var again = await client.Interactions.PostAsync(InteractionFiles.From(read!)); // logged without a source, so not a duplicate

        Assert.Equal("14:30:00", read!.Occurred!.Time);
        Assert.Equal("America/Lima", read.Occurred.TimeZone);
        Assert.Equal("14:30:00", (await client.Interactions[again!.Id!.Value].GetAsync())!.Occurred!.Time);
    }

    private static Task<string> Json(IParsable value) => KiotaJsonSerializer.SerializeAsStringAsync(value);

    /// <summary>The record without what a new entry gets anew: ids, times, its source, and the commitments, which
    /// `again` does not carry (a record lists commitments by text only; they are written as pledges).</summary>
    private static async Task<string> Content(InteractionRecord record)
    {
        var node = JsonNode.Parse(await Json(record))!.AsObject();
        foreach (var name in new[] { "id", "version", "recordedAt", "source", "commitments" })
        {
            node.Remove(name);
        }

        foreach (var statement in node["statements"]!.AsArray())
        {
            statement!.AsObject().Remove("statementId");
        }

        return node.ToJsonString();
    }
}
