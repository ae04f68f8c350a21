using System.Text.Json;
using System.Text.Json.Nodes;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Api.Tests.Support.Contract;

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
        Assert.Equal("string", properties.GetProperty("kind").GetProperty("type").GetString()); // required, so never null
        Assert.DoesNotContain(properties.GetProperty("kind").GetProperty("enum").EnumerateArray(), e => e.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public void every_example_is_valid_against_its_own_schema_and_the_log_body_has_the_seed_call()
    {
        var document = (JsonObject)JsonNode.Parse(_document.GetRawText())!;
        var schemas = new ContractSchemas(document);
        var examples = document["components"]!["schemas"]!.AsObject()
            .SelectMany(s => s.Value?["examples"]?.AsArray().Select(e => (s.Key, s.Value!, e!)) ?? []).ToArray();

        Assert.Contains(examples, e => e.Item1 == "InteractionFile" && e.Item3["summary"]!.GetValue<string>().Contains("Wang Yi", StringComparison.Ordinal));
        Assert.All(examples, e => Assert.Empty(schemas.Violations("example of " + e.Item1, e.Item2, JsonSerializer.SerializeToElement(e.Item3))));
    }

    [Fact]
    public void every_list_says_what_its_items_are()
    {
        var lists = Schemas(_document).Where(s => s.Schema.TryGetProperty("type", out var type) && type.ToString().Contains("array", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(lists);
        Assert.All(lists, l => Assert.True(l.Schema.TryGetProperty("items", out _), l.Where));
    }

    private static IEnumerable<(string Where, JsonElement Schema)> Schemas(JsonElement node, string where = "")
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            yield return (where, node);
            foreach (var child in node.EnumerateObject().Where(c => c.Name is not ("examples" or "example")))
            {
                foreach (var found in Schemas(child.Value, where + "/" + child.Name))
                {
                    yield return found;
                }
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var (item, i) in node.EnumerateArray().Select((item, i) => (item, i)))
            {
                foreach (var found in Schemas(item, $"{where}/{i}"))
                {
                    yield return found;
                }
            }
        }
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
