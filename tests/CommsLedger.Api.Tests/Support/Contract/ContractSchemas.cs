using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace CommsLedger.Api.Tests.Support.Contract;

/// <summary>
/// The document's schemas as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), for JsonSchema.Net. The components are
/// one schema of <c>$defs</c> in a private registry, and every <c>#/components/schemas/X</c> reference points there,
/// so a response schema resolves its references exactly as the document does, however deep they go.
/// </summary>
public sealed class ContractSchemas
{
    private const string ComponentsUri = "https://contract.commsledger.invalid/openapi.json";
    private const string ComponentsRef = "#/components/schemas/";

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly ConcurrentDictionary<string, JsonSchema> _built = new(StringComparer.Ordinal);
    private readonly Lock _building = new();

    public ContractSchemas(JsonObject document)
    {
        var components = document["components"]?["schemas"]?.DeepClone() ?? new JsonObject();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = ComponentsUri,
            ["$defs"] = Rewrite(components, "#/$defs/"),
        };
        JsonSchema.Build(JsonSerializer.SerializeToElement(root), _build, new Uri(ComponentsUri));
    }

    /// <summary>Every way <paramref name="instance"/> fails <paramref name="schema"/> (a schema of the document, found
    /// at <paramref name="location"/>): "instance location: keyword: message".</summary>
    public IReadOnlyList<string> Violations(string location, JsonNode schema, JsonElement instance)
    {
        return [.. Failures(For(location, schema).Evaluate(instance, Evaluation)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The errors of the failing nodes, followed only through failing parents: the branch a oneOf did not take
    /// fails too, but is no violation.</summary>
    private static IEnumerable<string> Failures(EvaluationResults node) =>
        node.IsValid
            ? []
            : (node.Errors ?? new Dictionary<string, string>()).Select(e => $"{Where(node.InstanceLocation.ToString())}: {e.Key}: {e.Value}")
                .Concat((node.Details ?? []).SelectMany(Failures));

    private static string Where(string pointer) => pointer.Length == 0 ? "(the body)" : pointer;

    private JsonSchema For(string location, JsonNode schema)
    {
        if (_built.TryGetValue(location, out var built))
        {
            return built;
        }

        lock (_building) // the registry is shared by every schema built, and built into
        {
            var element = JsonSerializer.SerializeToElement(Rewrite(schema.DeepClone(), ComponentsUri + "#/$defs/"));
            return _built.GetOrAdd(location, _ => JsonSchema.Build(element, _build));
        }
    }

    /// <summary>Points every <c>$ref</c> to a component at <paramref name="prefix"/> + its name, and closes every object
    /// schema that does not say otherwise: a field the document does not describe is a violation, since a generated
    /// client would drop it.</summary>
    private static JsonNode Rewrite(JsonNode node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                if (IsOpenObjectSchema(obj))
                {
                    obj["unevaluatedProperties"] = false;
                }

                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } target && target.StartsWith(ComponentsRef, StringComparison.Ordinal))
                    {
                        obj[key] = prefix + target[ComponentsRef.Length..];
                    }
                    else if (value is not null)
                    {
                        Rewrite(value, prefix);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.Where(i => i is not null))
                {
                    Rewrite(item!, prefix);
                }

                break;
        }

        return node;
    }

    private static bool IsOpenObjectSchema(JsonObject obj) =>
        obj["properties"] is JsonObject
        && !obj.ContainsKey("additionalProperties") && !obj.ContainsKey("unevaluatedProperties")
        && obj["type"] switch
        {
            JsonValue single => single.GetValueKind() == JsonValueKind.String && single.GetValue<string>() == "object",
            JsonArray types => types.Any(t => t?.GetValueKind() == JsonValueKind.String && t.GetValue<string>() == "object"),
            _ => false,
        };
}
