using System.Text.Json;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.OpenApi;

/// <summary>What a generated client needs from the document, for every operation: an id, a security requirement,
/// typed problems, and request shapes that say which values are valid.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ContractConventionsTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private JsonElement _document;

    public async Task InitializeAsync() =>
        _document = await (await (await shared.Start(postgres)).Client().GetAsync("/openapi/v1.json")).Body();

    public Task DisposeAsync() => Task.CompletedTask;

    private IEnumerable<(string Route, JsonElement Operation)> Operations() =>
        _document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => ($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value)));

    [Fact]
    public void every_operation_has_a_unique_id_and_a_security_requirement()
    {
        var ids = Operations().Select(o => o.Operation.GetProperty("operationId").GetString()).ToArray();

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Operations(), o => Assert.True(o.Operation.TryGetProperty("security", out _), o.Route));
        Assert.Empty(_document.GetProperty("paths").GetProperty("/health").GetProperty("get").GetProperty("security").EnumerateArray());
    }

    [Fact]
    public void every_error_answer_is_a_problem_with_field_errors()
    {
        var errors = Operations().SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject()
            .Where(r => r.Name[0] is '4' or '5').Select(r => (o.Route, r.Name, r.Value))).ToArray();

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("#/components/schemas/ProblemDetails",
            e.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()));
        var problem = _document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        Assert.Equal("array", problem.GetProperty("errors").GetProperty("additionalProperties").GetProperty("type").GetString());
    }

    [Fact]
    public void the_log_body_lists_its_choices_formats_and_only_the_fields_it_requires()
    {
        var file = _document.GetProperty("components").GetProperty("schemas").GetProperty("InteractionFile");
        var properties = file.GetProperty("properties");

        Assert.Equal(["kind", "occurredOn", "participants", "summary"], file.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
        Assert.Contains("phone-call", properties.GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.ToString()));
        Assert.Contains("top-secret", properties.GetProperty("classification").GetProperty("enum").EnumerateArray().Select(e => e.ToString()));
        Assert.Equal("date", properties.GetProperty("occurredOn").GetProperty("format").GetString());
    }

    [Fact]
    public void writes_answer_with_an_etag_and_declare_their_conflicts()
    {
        var status = _document.GetProperty("paths").GetProperty("/pledges/{id}/status").GetProperty("post").GetProperty("responses");

        Assert.True(status.GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
        Assert.All(new[] { "400", "401", "403", "404", "409", "413", "415", "422", "428", "503" }, code => Assert.True(status.TryGetProperty(code, out _), code));
    }

    [Fact]
    public void the_server_url_has_no_trailing_slash_and_the_licence_and_contact_are_named()
    {
        Assert.All(_document.GetProperty("servers").EnumerateArray(), s => Assert.False(s.GetProperty("url").GetString()!.EndsWith('/')));
        Assert.True(_document.GetProperty("info").TryGetProperty("license", out _));
        Assert.True(_document.GetProperty("info").TryGetProperty("contact", out _));
        Assert.All(_document.GetProperty("tags").EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("description").GetString())));
    }
}
