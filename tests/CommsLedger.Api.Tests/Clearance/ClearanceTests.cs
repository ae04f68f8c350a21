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
        "/relationships/CN-PE/pledges",
        "/relationships/CN-PE/pledges?asKnownAt=2100-01-01",
        "/relationships/CN-PE/pledges?asOccurredBy=2100-01-01&by=PE",
        "/relationships/CN-PE/followups",
        "/relationships/CN-PE/followups?overdue=true&asKnownAt=2100-01-01",
        "/relationships/CN-PE/contacts",
        "/relationships?sort=open-pledges",
        "/pledges?relationship=CN-PE",
        "/pledges?relationship=CN-PE&asKnownAt=2100-01-01",
        "/pledges?by=PE",
        "/followups?relationship=CN-PE",
        "/relationships/CN-PE/history",
        "/relationships/CN-PE/history?asKnownAt=2100-01-01",
        "/relationships/CN-PE/export?format=json",
        "/relationships/CN-PE/export?format=csv",
        "/relationships/CN-PE/export?format=csv&asOccurredBy=2100-01-01",
        "/search?q=Peru",
        "/search?q=quietly%20liaison%20office",
        "/search?q=liaison&asKnownAt=2100-01-01&includeRetracted=true",
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
        Assert.Contains(SecretClause, cleared["/relationships/CN-PE/pledges"], StringComparison.Ordinal);
        Assert.Contains(SecretClause, cleared["/relationships/CN-PE/export?format=csv"], StringComparison.Ordinal);
        Assert.Contains(SecretClause, cleared["/search?q=quietly%20liaison%20office"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_secret_pledge_or_its_interaction_entry_is_not_found_for_a_confidential_reader()
    {
        var (interaction, pledge) = await LogWithSecretCommitment();
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
    public async Task asking_for_a_hidden_pledge_reads_as_not_found_but_is_logged_as_a_denial()
    {
        var (_, pledge) = await LogWithSecretCommitment();

        using var hidden = await _api.Client(Confidential).GetAsync($"/pledges/{pledge}");
        using var missing = await _api.Client(Confidential).GetAsync($"/pledges/{Guid.NewGuid()}");

        var (hiddenProblem, missingProblem) = (await hidden.Body(), await missing.Body());
        await hidden.Problem(HttpStatusCode.NotFound);
        Assert.Equal(missingProblem.GetProperty("title").GetString(), hiddenProblem.GetProperty("title").GetString());
        Assert.Equal($"pledge {pledge} was not found", hiddenProblem.GetProperty("detail").GetString());
        Assert.Contains(_api.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Values.GetValueOrDefault("User") == Confidential
            && e.Values.GetValueOrDefault("Status") == "404"
            && (e.Values.GetValueOrDefault("Reason") ?? "").Contains("above the actor's clearance (CONFIDENTIAL)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task replay_and_verify_which_read_every_event_are_forbidden_below_top_secret()
    {
        using var replay = await _api.Client(Confidential).GetAsync("/replay/check");
        using var verify = await _api.Client(Confidential).GetAsync("/integrity/verify");

        await replay.Problem(HttpStatusCode.Forbidden);
        await verify.Problem(HttpStatusCode.Forbidden);
        Assert.Contains("needs TOP SECRET clearance", await verify.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_secret_commitment_moves_no_etag_of_a_confidential_recorder_who_writes_on_with_theirs()
    {
        var recorder = _api.Client(ApiHost.Recorder);
        using var logged = await recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        var interaction = (await logged.Body()).GetProperty("id").GetGuid();
        var cora = _api.Client(ConfidentialRecorder);
        using var before = await cora.GetAsync($"/interactions/{interaction}");

        using var secret = await recorder.SendAsync(Requests.Post($"/interactions/{interaction}/commitments",
            new { by = "PE", to = "CN", kind = "pledge", text = SecretClause, topic = "covert", classification = "SECRET" }, logged.ETag()));
        using var after = await cora.GetAsync($"/interactions/{interaction}");
        using var written = await cora.SendAsync(Requests.Post($"/interactions/{interaction}/statements",
            new { speaker = "Wang Yi", country = "CN", text = "China values the partnership.", topics = new[] { "partnership" } }, after.ETag()));

        Assert.Equal(HttpStatusCode.OK, secret.StatusCode);
        Assert.Equal(before.ETag(), after.ETag());
        Assert.Equal(before.ETag(), (await after.Body()).GetProperty("version").GetInt64());
        Assert.True(written.StatusCode == HttpStatusCode.OK, await written.Content.ReadAsStringAsync());
        Assert.Equal(after.ETag() + 1, written.ETag());
    }

    [Fact]
    public async Task a_source_recorded_at_secret_is_no_duplicate_for_a_confidential_recorder()
    {
        var source = new Domain.Shared.SourceReference("readout-" + Guid.NewGuid().ToString("N"), null, null);
        using var secret = await _api.Client(ApiHost.Recorder).PostAsync("/interactions",
            Requests.Json(Requests.Interaction(d => d with { Source = source, Classification = Classification.Secret })));
        using var confidential = await _api.Client(ConfidentialRecorder).PostAsync("/interactions",
            Requests.Json(Requests.Interaction(d => d with { Source = source, Classification = Classification.Confidential })));
        using var again = await _api.Client(ConfidentialRecorder).PostAsync("/interactions",
            Requests.Json(Requests.Interaction(d => d with { Source = source, Classification = Classification.Confidential })));

        Assert.Equal(HttpStatusCode.Created, secret.StatusCode);
        Assert.True(confidential.StatusCode == HttpStatusCode.Created, await confidential.Content.ReadAsStringAsync());
        await again.Problem(HttpStatusCode.Conflict);
        Assert.Contains((await confidential.Body()).GetProperty("id").GetGuid().ToString(), await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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

    /// <summary>The seed call, logged by the TOP SECRET recorder, then given a SECRET commitment.</summary>
    private async Task<(Guid Interaction, Guid Pledge)> LogWithSecretCommitment()
    {
        var recorder = _api.Client(ApiHost.Recorder);
        using var logged = await recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        var interaction = (await logged.Body()).GetProperty("id").GetGuid();
        using var secret = await recorder.SendAsync(Requests.Post($"/interactions/{interaction}/commitments",
            new { by = "PE", to = "CN", kind = "pledge", text = SecretClause, topic = "covert", classification = "SECRET" }, logged.ETag()));
        Assert.Equal(HttpStatusCode.OK, secret.StatusCode);
        return (interaction, (await secret.Body()).GetProperty("createdId").GetGuid());
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
