using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CommsLedger.Api.Integrity;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Reliability.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace CommsLedger.Reliability.BadInput;

/// <summary>
/// Generated malformed requests (FsCheck) over every operation of the OpenAPI document the API serves — CI 2,000,
/// full 10,000 — plus the requests of the defects found before: zero 5xx, zero dropped connections, every refusal a
/// ProblemDetails, and zero events appended by any refused request.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MalformedRequestTests(PostgresCluster postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly SuiteSize Size = SuiteSize.Current;
    private readonly ConcurrentQueue<(string CorrelationId, string Operation, int Status)> _answers = new();
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"reliability-public-{Guid.NewGuid():N}.pem");
    private ApiHost _api = null!;
    private HttpClient _http = null!;
    private RequestGenerator _generator = null!;
    private OpenApiRoutes _routes = null!;

    public async Task InitializeAsync()
    {
        using (var key = LedgerKey.Generate())
        {
            await File.WriteAllTextAsync(_keyFile, key.ExportPublicKeyPem());
        }

        _api = await ApiHost.StartAsync(postgres, new Dictionary<string, string?> { [IntegrityEndpoints.PublicKeyPathSetting] = _keyFile });
        _http = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 }) { BaseAddress = _api.Address, Timeout = TimeSpan.FromMinutes(2) };
        var document = JsonDocument.Parse(await _http.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        _routes = new OpenApiRoutes(document);
        _generator = new RequestGenerator(_routes, await Seed());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
        File.Delete(_keyFile);
    }

    [Fact]
    public async Task generated_malformed_requests_to_every_route_get_a_4xx_never_a_5xx_nor_a_dropped_connection_and_append_nothing()
    {
        var before = await LastSequence();
        var property = Prop.ForAll(Arb.From(_generator.Requests()), Answers);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Size.MalformedRequests).WithQuietOnSuccess(true), property);

        var answers = _answers.ToArray();
        var statuses = string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bad input ({Size.Name}): {answers.Length} generated requests over {answers.Select(a => a.Operation).Distinct().Count()} of {_routes.Operations.Count} operations; {statuses}"));
        Assert.Equal(_routes.Operations.Count, answers.Select(a => a.Operation).Distinct().Count());
        await NothingAppendedByRefusals(before, answers);
    }

    [Fact]
    public async Task the_requests_of_defects_found_before_are_answered_as_they_should_be_and_refusals_append_nothing()
    {
        var before = await LastSequence();
        var admin = _api.KeyOf(ApiHost.Admin);
        var recorder = _api.KeyOf(ApiHost.Recorder);
        var jsonPosts = _routes.Operations.Where(o => o.BodyType == "application/json" && o.Method != "GET").ToArray();
        var cases = new List<(string Method, string Path, string Key, string Body, string ContentType, int[] Expected)>();
        foreach (var charset in new[] { "utf-7", "\"utf-8\"", "", "utf-16", "utf-32", "\"utf-16\"" })
        {
            // A quoted or empty UTF-8 is read as UTF-8 (whatever the body then earns); any other encoding is 415.
            int[] expected = charset.Contains("utf-8", StringComparison.Ordinal) || charset.Length == 0 ? [200, 201, 400, 403, 404, 409, 422, 428] : [415];
            cases.AddRange(jsonPosts.Select(o => (o.Method, Fill(o.Route), recorder, "{}", $"application/json; charset={charset}", expected)));
        }

        cases.Add(("POST", "/interactions", recorder, Drafts.EveryParty(), "application/json", [400]));
        cases.Add(("POST", "/interactions", recorder, Drafts.WithSource("https://example.org/" + new string('a', 900_000), null), "application/json", [400]));
        cases.Add(("POST", "/interactions", recorder, Drafts.WithSource(null, new string('z', 50_000)), "application/json", [400]));
        cases.Add(("POST", $"/users/{ApiHost.Reviewer}/keys", admin, "{\"label\": \"mine now\"}", "application/json", [404, 405]));
        cases.Add(("POST", "/users", admin, "{\"name\": \"tess\", \"roles\": [\"reviewer\"], \"clearance\": \"top-secret\", \"extra\": 1}", "application/json", [400]));

        foreach (var (method, path, key, body, contentType, expected) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            request.Headers.Add("X-Api-Key", key);
            var id = $"defect-{_answers.Count}";
            request.Headers.Add("X-Correlation-Id", id);
            using var response = await _http.SendAsync(request);
            _answers.Enqueue((id, $"{method} {path[..Math.Min(path.Length, 60)]}", (int)response.StatusCode));
            Assert.True(expected.Contains((int)response.StatusCode), $"{method} {path[..Math.Min(path.Length, 80)]} ({contentType}): {(int)response.StatusCode}");
        }

        output.WriteLine($"{cases.Count} requests of defects found before: none a 5xx, each answered as it should be");
        await NothingAppendedByRefusals(before, [.. _answers]);
    }

    private static string Fill(string route) => route
        .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{statementId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{name}", ApiHost.Recorder, StringComparison.Ordinal);

    private bool Answers(MalformedRequest request)
    {
        var id = $"fuzz-{_answers.Count}";
        using var message = request.ToMessage(id);
        try
        {
            using var response = _http.SendAsync(message).GetAwaiter().GetResult();
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            var status = (int)response.StatusCode;
            _answers.Enqueue((id, request.Operation.ToString(), status));
            var problem = status < 400 || body.Length == 0 || response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (status >= 500 || !problem)
            {
                output.WriteLine($"{status} for {request}\n{body[..Math.Min(body.Length, 2000)]}");
            }

            return status < 500 && problem;
        }
        catch (HttpRequestException dropped)
        {
            _answers.Enqueue((id, request.Operation.ToString(), 0));
            output.WriteLine($"dropped: {dropped.Message} for {request}");
            return false;
        }
    }

    /// <summary>Every event appended since <paramref name="after"/> carries the correlation id of a request that was answered 2xx.</summary>
    private async Task NothingAppendedByRefusals(long after, (string CorrelationId, string Operation, int Status)[] answers)
    {
        var accepted = answers.Where(a => a.Status is >= 200 and < 300).Select(a => a.CorrelationId).ToHashSet(StringComparer.Ordinal);
        var appended = await LedgerEvents.Counts(_api.ConnectionString,
            $"select coalesce(correlation_id, '(none)'), count(*) from commsledger.mt_events where seq_id > {after} group by correlation_id");
        var byRefused = appended.Where(a => !accepted.Contains(a.Key)).ToArray();
        Assert.True(byRefused.Length == 0, "events appended by refused requests: " + string.Join(", ", byRefused.Select(a => $"{a.Key} ({a.Count})")));
    }

    private Task<long> LastSequence() => LedgerEvents.Scalar<long>(_api.ConnectionString, "select coalesce(max(seq_id), 0) from commsledger.mt_events");

    /// <summary>The seed call, so that ids in paths and bodies exist and requests reach the rules behind the checks.</summary>
    private async Task<Seeded> Seed()
    {
        using var recorder = _api.Client(ApiHost.Recorder);
        using var logged = await recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        var record = await logged.Body();
        var ids = record.GetProperty("commitments").EnumerateArray().Select(c => c.GetProperty("pledgeId").GetGuid())
            .Append(record.GetProperty("id").GetGuid()).ToList();
        var followUps = await (await recorder.GetAsync("/relationships/CN-PE/followups")).Body();
        ids.AddRange(followUps.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("followUpId").GetGuid()));
        var keys = new[] { ApiHost.Recorder, ApiHost.Reviewer, ApiHost.Reporter, ApiHost.Admin }.ToDictionary(u => u, _api.KeyOf, StringComparer.Ordinal);
        return new Seeded(ids, record.GetProperty("statements")[0].GetProperty("statementId").GetGuid(), keys);
    }
}
