using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommsLedger.Application.History.Replaying;

/// <summary>JSON with object keys sorted at every level: PostgreSQL's jsonb does not keep key order, so two equal
/// documents (one loaded, one rebuilt in memory) serialise alike only in this form.</summary>
internal static class CanonicalJson
{
    public static string Of<T>(T value) => Sorted(JsonSerializer.SerializeToNode(value))?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray array => new JsonArray(array.Select(item => Sorted(item?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };
}
