using System.Net;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Api.Tests.Clearance;

/// <summary>
/// A CONFIDENTIAL reader of a relationship that holds a SECRET commitment sees neither the commitment nor any count
/// that reveals it: every view reads exactly as it did before the commitment was recorded.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClearanceTests(PostgresCluster postgres) : IAsyncLifetime
{
    private const string Confidential = "connie";
    private const string ConfidentialRecorder = "cora";
    private const string SecretClause = "Peru will quietly host a SECRET liaison office";

    /// <summary>Every way to read the relationship: now, on both axes of time, as history and as exports.</summary>
    private static readonly string[] Views =
    [
        "/relationships",
        "/relationships/CN-PE",
        "/relationships/CN-PE?asKnownAt=2100-01-01",
        "/relationships/CN-PE?asOccurredBy=2100-01-01",
        "/pledges?relationship=CN-PE",
        "/pledges?relationship=CN-PE&asKnownAt=2100-01-01",
        "/pledges?by=PE",
        "/followups?relationship=CN-PE",
        "/relationships/CN-PE/history",
        "/relationships/CN-PE/history?asKnownAt=2100-01-01",
        "/relationships/CN-PE/export?format=json",
        "/relationships/CN-PE/export?format=csv",
        "/relationships/CN-PE/export?format=csv&asOccurredBy=2100-01-01",
    ];

    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(postgres);
        await _api.AddUser(Confidential, Classification.Confidential, LedgerRole.Reviewer);
        await _api.AddUser(ConfidentialRecorder, Classification.Confidential, LedgerRole.Recorder);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task a_secret_commitment_changes_nothing_a_confidential_reader_sees()
    {
        var recorder = _api.Client(ApiHost.Recorder);
        using var logged = await recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        var interaction = (await logged.Body()).GetProperty("id").GetGuid();
        var before = await Read(Confidential);

        using var secret = await recorder.SendAsync(Requests.Post($"/interactions/{interaction}/commitments", new
        {
            by = "PE",
            to = "CN",
            kind = "pledge",
            text = SecretClause,
            topic = "covert liaison",
            due = "2021-03-01",
            classification = "SECRET",
            followUps = new[] { new { action = "Prepare the SECRET liaison office", owner = "Special desk", due = "2020-12-01" } },
        }, logged.ETag()));
        Assert.Equal(HttpStatusCode.OK, secret.StatusCode);
        var pledge = (await secret.Body()).GetProperty("createdId").GetGuid();

        var after = await Read(Confidential);
        foreach (var view in Views)
        {
            Assert.DoesNotContain(SecretClause, after[view], StringComparison.Ordinal);
            Assert.DoesNotContain(pledge.ToString(), after[view], StringComparison.OrdinalIgnoreCase);
            Assert.True(before[view] == after[view], $"{view} changed for a CONFIDENTIAL reader:\nbefore {before[view]}\nafter  {after[view]}");
        }

        var cleared = await Read(ApiHost.Reviewer);
        Assert.Contains(SecretClause, cleared["/relationships/CN-PE"], StringComparison.Ordinal);
        Assert.Contains(SecretClause, cleared["/relationships/CN-PE/export?format=csv"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_secret_pledge_or_its_interaction_entry_is_not_found_for_a_confidential_reader()
    {
        var recorder = _api.Client(ApiHost.Recorder);
        using var logged = await recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        var interaction = (await logged.Body()).GetProperty("id").GetGuid();
        using var secret = await recorder.SendAsync(Requests.Post($"/interactions/{interaction}/commitments",
            new { by = "PE", to = "CN", kind = "pledge", text = SecretClause, topic = "covert", classification = "SECRET" }, logged.ETag()));
        var pledge = (await secret.Body()).GetProperty("createdId").GetGuid();
        var reader = _api.Client(Confidential);

        using var direct = await reader.GetAsync($"/pledges/{pledge}");
        using var record = await reader.GetAsync($"/interactions/{interaction}");

        await direct.Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(SecretClause, await direct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.DoesNotContain(SecretClause, await record.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(7, (await record.Body()).GetProperty("commitments").GetArrayLength());
    }

    [Fact]
    public async Task replay_which_compares_every_document_is_refused_below_top_secret()
    {
        using var response = await _api.Client(Confidential).GetAsync("/replay/check");

        Assert.Contains("clearance", (await response.Problem(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task recording_above_ones_own_clearance_is_refused_and_appends_nothing()
    {
        var events = await _api.EventCount();

        using var response = await _api.Client(ConfidentialRecorder).PostAsync("/interactions",
            Requests.Json(Requests.Interaction(d => d with { Classification = Classification.Secret })));

        Assert.Contains("classification", (await response.Problem(HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(events, await _api.EventCount());
    }

    private async Task<Dictionary<string, string>> Read(string user)
    {
        var client = _api.Client(user);
        var views = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var view in Views)
        {
            using var response = await client.GetAsync(view);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} {view}: {(int)response.StatusCode} {text}");
            views[view] = text;
        }

        return views;
    }
}
