using System.Net;
using System.Text;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Problems;

/// <summary>Bad input is a 4xx ProblemDetails naming the field, never a 500, and appends nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BadInputTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private ApiHost _api = null!;
    private HttpClient _recorder = null!;
    private Guid _interaction;
    private long _version;
    private Guid _pledge;
    private long _pledgeVersion;
    private long _events;

    public async Task InitializeAsync()
    {
        _api = await shared.Start(postgres, async api =>
        {
            using var logged = await api.Client(ApiHost.Recorder).PostAsync("/interactions", Requests.Json(Requests.Interaction()));
            Assert.Equal(System.Net.HttpStatusCode.Created, logged.StatusCode);
        });
        _recorder = _api.Client(ApiHost.Recorder);
        var pledges = await (await _recorder.GetAsync("/relationships/CN-PE/pledges")).Body();
        _pledge = pledges.GetProperty("items")[0].GetProperty("pledgeId").GetGuid();
        using var pledge = await _recorder.GetAsync($"/pledges/{_pledge}");
        _pledgeVersion = pledge.ETag();
        _interaction = (await pledge.Body()).GetProperty("interactionId").GetGuid();
        using var interaction = await _recorder.GetAsync($"/interactions/{_interaction}");
        _version = interaction.ETag();
        _events = await _api.EventCount();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task malformed_json_in_a_log_is_400_naming_json()
    {
        var errors = await Rejected(await _recorder.PostAsync("/interactions", Requests.Json("{\"kind\": \"phone-call\",")), HttpStatusCode.BadRequest);

        Assert.Contains("json", errors.Keys);
    }

    [Fact]
    public async Task malformed_json_in_a_change_is_400_naming_the_body()
    {
        var errors = await Rejected(await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/progress", "{\"note\": ", _pledgeVersion)), HttpStatusCode.BadRequest);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task a_wrong_type_in_a_log_names_its_json_path()
    {
        var json = Requests.Interaction().Replace("\"summary\":", "\"summary\": 42, \"ignored\":", StringComparison.Ordinal);

        var errors = await Rejected(await _recorder.PostAsync("/interactions", Requests.Json(json)), HttpStatusCode.BadRequest);

        Assert.Contains("summary", errors.Keys);
    }

    [Fact]
    public async Task a_wrong_type_in_a_change_names_the_field()
    {
        var reviewer = _api.Client(ApiHost.Reviewer);

        var errors = await Rejected(await reviewer.SendAsync(Requests.Post($"/pledges/{_pledge}/assessments", "{\"score\": \"plenty\", \"rationale\": \"x\"}", _pledgeVersion)), HttpStatusCode.BadRequest);

        Assert.Contains("score", errors.Keys);
    }

    [Fact]
    public async Task an_unknown_field_in_a_change_is_named()
    {
        var errors = await Rejected(await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/progress", "{\"note\": \"x\", \"nope\": 1}", _pledgeVersion)), HttpStatusCode.BadRequest);

        Assert.Contains(errors.Keys, k => k.Contains("nope", StringComparison.Ordinal));
    }

    [Fact]
    public async Task an_unknown_country_code_is_named_by_its_path()
    {
        var json = Requests.Interaction().Replace("\"country\":\"PE\"", "\"country\":\"XX\"", StringComparison.Ordinal);

        var errors = await Rejected(await _recorder.PostAsync("/interactions", Requests.Json(json)), HttpStatusCode.BadRequest);

        Assert.Contains(errors, e => e.Key == "participants[1].country" && e.Value.Any(p => p.Contains("'XX'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task an_unknown_country_in_a_statement_is_named()
    {
        var errors = await Rejected(await _recorder.SendAsync(Requests.Post($"/interactions/{_interaction}/statements",
            new { speaker = "Someone", country = "XX", text = "Something." }, _version)), HttpStatusCode.BadRequest);

        Assert.Contains("country", errors.Keys);
    }

    [Fact]
    public async Task an_invalid_date_is_named()
    {
        var errors = await Rejected(await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/status",
            new { status = "fulfilled", on = "2021-02-30" }, _pledgeVersion)), HttpStatusCode.BadRequest);

        Assert.Contains("on", errors.Keys);
    }

    [Fact]
    public async Task an_invalid_occurred_date_in_a_log_is_named()
    {
        var json = Requests.Interaction().Replace("\"occurredOn\":\"2020-11-05\"", "\"occurredOn\":\"5/11/2020\"", StringComparison.Ordinal);

        var errors = await Rejected(await _recorder.PostAsync("/interactions", Requests.Json(json)), HttpStatusCode.BadRequest);

        Assert.Contains("occurredOn", errors.Keys);
    }

    [Fact]
    public async Task an_invalid_date_in_a_query_is_named()
    {
        var errors = await Rejected(await _recorder.GetAsync("/relationships/CN-PE?asOccurredBy=yesterday"), HttpStatusCode.BadRequest);

        Assert.Contains("asOccurredBy", errors.Keys);
    }

    [Theory]
    [InlineData("/relationships?limit=0", "limit")]
    [InlineData("/relationships?limit=many", "limit")]
    [InlineData("/relationships?sort=loudest", "sort")]
    [InlineData("/relationships?party=XX1", "party")]
    [InlineData("/relationships/CN-PE/contacts?cursor=not-a-cursor", "cursor")]
    [InlineData("/relationships/CN-PE/pledges?by=XX1", "by")]
    [InlineData("/relationships/CN-PE/followups?limit=1001", "limit")]
    public async Task a_bad_page_request_is_named(string url, string field)
    {
        var errors = await Rejected(await _recorder.GetAsync(url), HttpStatusCode.BadRequest);

        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public async Task an_unknown_relationship_party_is_named()
    {
        var errors = await Rejected(await _recorder.GetAsync("/relationships/CN-XX"), HttpStatusCode.BadRequest);

        Assert.Contains("relationship", errors.Keys);
    }

    [Fact]
    public async Task an_oversized_body_is_413()
    {
        var huge = "{\"summary\": \"" + new string('a', 2 * 1024 * 1024) + "\"}";

        var errors = await Rejected(await _recorder.PostAsync("/interactions", Requests.Json(huge)), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("body", errors.Keys);
    }

    [Fact]
    public async Task an_oversized_change_is_413()
    {
        var huge = "{\"note\": \"" + new string('a', 2 * 1024 * 1024) + "\"}";

        var errors = await Rejected(await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/progress", huge, _pledgeVersion)), HttpStatusCode.RequestEntityTooLarge);

        Assert.True(errors.ContainsKey("body"), string.Join("; ", errors.Select(e => e.Key + ": " + string.Join(", ", e.Value))));
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_415()
    {
        using var content = new StringContent("note=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        var request = Requests.Post($"/pledges/{_pledge}/progress", null, _pledgeVersion);
        request.Content = content;

        await Rejected(await _recorder.SendAsync(request), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task a_missing_body_is_400()
    {
        await Rejected(await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/progress", null, _pledgeVersion)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task an_empty_required_text_is_named()
    {
        var errors = await Rejected(await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/progress", new { note = " " }, _pledgeVersion)), HttpStatusCode.BadRequest);

        Assert.Contains("note", errors.Keys);
    }

    [Fact]
    public async Task a_rule_violation_is_422()
    {
        var errors = await Rejected(await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/status", new { status = "open" }, _pledgeVersion)), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("status", errors.Keys);
    }

    [Fact]
    public async Task an_id_that_does_not_exist_is_404()
    {
        await Rejected(await _recorder.GetAsync($"/pledges/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Rejected(await _recorder.SendAsync(Requests.Post($"/pledges/{Guid.NewGuid()}/progress", new { note = "x" }, 1)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_unknown_route_is_a_404_problem()
    {
        await Rejected(await _recorder.GetAsync("/nothing-here"), HttpStatusCode.NotFound);
    }

    public static IEnumerable<object[]> Garbage() =>
        from endpoint in Auth.EndpointMatrix.Endpoints.Where(e => e.Method == "POST")
        from body in new[] { "{\"note\": ", "[]", "null", "\"text\"", "{\"text\": {\"deep\": [1, 2]}}", "{\"due\": 20210101, \"score\": 1e40}", "{\"roles\": \"admin\"}" }
        select new object[] { endpoint.Route, body };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task garbage_sent_to_any_write_is_a_4xx_problem_never_a_500(string route, string body)
    {
        var probe = Auth.EndpointMatrix.Endpoints.Single(e => e.Method == "POST" && e.Route == route);
        var path = probe.Path.Replace("{interaction}", _interaction.ToString(), StringComparison.Ordinal).Replace("{pledge}", _pledge.ToString(), StringComparison.Ordinal)
            .Replace("{statement}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{followUp}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        using var client = _api.Client(probe.Allowed[0]);

        using var response = await client.SendAsync(Requests.Post(path, body, _version));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{route} {body}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_events, await _api.EventCount());
    }

    [Fact]
    public async Task a_nul_character_in_a_text_is_400_naming_the_field()
    {
        var errors = await Rejected(await _recorder.SendAsync(Requests.Post($"/interactions/{_interaction}/statements",
            "{\"speaker\": \"Wang Yi\", \"country\": \"CN\", \"text\": \"before\\u0000after\"}", _version)), HttpStatusCode.BadRequest);

        Assert.Contains("NUL", Assert.Single(errors["text"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_lone_surrogate_in_a_log_is_400_naming_its_json_path()
    {
        var json = Requests.Interaction().Replace("\"summary\":\"", "\"summary\":\"\\ud800", StringComparison.Ordinal);

        var errors = await Rejected(await _recorder.PostAsync("/interactions", Requests.Json(json)), HttpStatusCode.BadRequest);

        Assert.Contains("summary", errors.Keys);
    }

    [Fact]
    public async Task the_empty_guid_in_a_write_route_is_404()
    {
        await Rejected(await _recorder.SendAsync(Requests.Post($"/pledges/{Guid.Empty}/progress", new { note = "x" }, 1)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_unknown_charset_is_415_naming_content_type()
    {
        var request = Requests.Post($"/pledges/{_pledge}/progress", new { note = "x" }, _pledgeVersion);
        request.Content!.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=klingon");

        var errors = await Rejected(await _recorder.SendAsync(request), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("Content-Type", errors.Keys);
    }

    [Fact]
    public async Task a_client_that_accepts_only_html_still_gets_a_problem_details()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/pledges/{Guid.NewGuid()}");
        request.Headers.Accept.ParseAdd("text/html");

        await Rejected(await _recorder.SendAsync(request), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_implausible_date_on_a_status_change_is_400_naming_it()
    {
        var errors = await Rejected(await _recorder.SendAsync(Requests.Post($"/pledges/{_pledge}/status",
            new { status = "fulfilled", on = "0001-01-01" }, _pledgeVersion)), HttpStatusCode.BadRequest);

        Assert.Contains("on", errors.Keys);
    }

    private async Task<IReadOnlyDictionary<string, string[]>> Rejected(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var errors = await response.Problem(status);
            Assert.Equal(_events, await _api.EventCount());
            return errors;
        }
    }
}
