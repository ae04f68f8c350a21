using System.Net;
using System.Text.Json.Nodes;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.OpenApi;

/// <summary>
/// The lengths the document gives the log body (InteractionFile) are the server's: for every text with a maxLength,
/// the seed call with that text at the limit is recorded, and one character more is a 400 naming the field by the
/// same JSON path. So a client that checks the document's limits neither refuses what the server takes nor sends
/// what it refuses.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DocumentedLimitsTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    /// <summary>Texts whose values have rules besides their length: only "one more is refused" holds for them.</summary>
    private static readonly string[] NotFillable = ["timeZone"];

    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await shared.Start(postgres);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, int> Limits()
    {
        var document = JsonNode.Parse(File.ReadAllText(ContractFiles.CommittedDocument))!;
        var data = new TheoryData<string, int>();
        foreach (var (path, max) in MaxLengths(document["components"]!["schemas"]!, "InteractionFile", ""))
        {
            data.Add(path, max);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task a_text_at_its_documented_limit_is_recorded_and_one_character_more_is_refused_naming_it(string path, int max)
    {
        var recorder = _api.Client(ApiHost.Recorder);

        if (!NotFillable.Contains(path))
        {
            using var atLimit = await recorder.PostAsync("/interactions", Requests.Json(WithText(path, max)));
            Assert.True(atLimit.StatusCode == HttpStatusCode.Created, $"{path} at {max} characters: {(int)atLimit.StatusCode} {await atLimit.Content.ReadAsStringAsync()}");
        }

        using var over = await recorder.PostAsync("/interactions", Requests.Json(WithText(path, max + 1)));
        var errors = await over.Problem(HttpStatusCode.BadRequest);
        Assert.True(errors.ContainsKey(path), $"{path} at {max + 1} characters: errors name {string.Join(", ", errors.Keys)}");
    }

    /// <summary>The seed call with <paramref name="path"/> (e.g. statements[0].text) set to <paramref name="length"/> x's.</summary>
    private static string WithText(string path, int length)
    {
        var call = JsonNode.Parse(Requests.Interaction())!;
        call["source"] = new JsonObject { ["sourceId"] = "limits-" + Guid.NewGuid() };
        var parts = path.Replace("]", "", StringComparison.Ordinal).Split('.');
        var node = call;
        foreach (var part in parts[..^1])
        {
            var (name, index) = Split(part);
            node = index is { } i ? node[name]![i]! : node[name]!;
        }

        node[parts[^1]] = new string('x', length);
        return call.ToJsonString();
    }

    private static (string Name, int? Index) Split(string part) =>
        part.Split('[') is [var name, var index] ? (name, int.Parse(index, System.Globalization.CultureInfo.InvariantCulture)) : (part, null);

    /// <summary>Every text with a maxLength under the schema <paramref name="name"/>, as a JSON path into the seed
    /// call (the first item of each list the seed call has).</summary>
    private static IEnumerable<(string Path, int Max)> MaxLengths(JsonNode schemas, string name, string prefix)
    {
        var seed = JsonNode.Parse(Requests.Interaction())!;
        foreach (var (property, schema) in schemas[name]!["properties"]!.AsObject())
        {
            var path = prefix + property;
            if (schema!["maxLength"] is { } max)
            {
                yield return (path, max.GetValue<int>());
            }

            var nested = (schema["items"]?["$ref"] ?? schema["$ref"] ?? schema["oneOf"]?.AsArray().Select(s => s?["$ref"]).FirstOrDefault(r => r is not null))?.GetValue<string>();
            if (nested is not null && (schema["items"] is null || Exists(seed, path + "[0]")))
            {
                var inner = schema["items"] is null ? path + "." : path + "[0].";
                foreach (var found in MaxLengths(schemas, nested.Split('/')[^1], inner))
                {
                    yield return found;
                }
            }
        }
    }

    private static bool Exists(JsonNode call, string path)
    {
        JsonNode? node = call;
        foreach (var part in path.Replace("]", "", StringComparison.Ordinal).Split('.'))
        {
            var (name, index) = Split(part);
            node = node?[name];
            node = index is { } i ? (node is JsonArray a && a.Count > i ? a[i] : null) : node;
        }

        return node is not null;
    }
}
