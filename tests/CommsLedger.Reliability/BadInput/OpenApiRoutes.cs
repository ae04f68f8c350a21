using System.Text.Json;

namespace CommsLedger.Reliability.BadInput;

public sealed record Parameter(string Name, JsonElement Schema);

/// <summary>One operation of the OpenAPI document: its route, its parameters by place, and its body's media type and schema.</summary>
public sealed record Operation(
    string Method, string Route, IReadOnlyList<Parameter> Path, IReadOnlyList<Parameter> Query, IReadOnlyList<string> Headers, string? BodyType, JsonElement? BodySchema)
{
    public override string ToString() => $"{Method} {Route}";
}

/// <summary>Every operation the API documents, read from the document it serves (so a new route is fuzzed the day it is added).</summary>
public sealed class OpenApiRoutes(JsonElement document)
{
    public IReadOnlyList<Operation> Operations { get; } = [.. Read(document)];

    /// <summary>A schema with its <c>$ref</c> followed.</summary>
    public JsonElement Resolve(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference)
            ? Resolve(document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]))
            : schema;

    private static IEnumerable<Operation> Read(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToArray() : [];
                Parameter[] In(string place) =>
                    [.. parameters.Where(p => p.GetProperty("in").GetString() == place)
                        .Select(p => new Parameter(p.GetProperty("name").GetString()!, p.TryGetProperty("schema", out var s) ? s : default))];
                var content = operation.Value.TryGetProperty("requestBody", out var body) ? body.GetProperty("content").EnumerateObject().FirstOrDefault() : default;
                yield return new Operation(
                    operation.Name.ToUpperInvariant(),
                    path.Name,
                    In("path"),
                    In("query"),
                    [.. In("header").Select(p => p.Name)],
                    content.Value.ValueKind == JsonValueKind.Undefined ? null : content.Name,
                    content.Value.ValueKind == JsonValueKind.Object && content.Value.TryGetProperty("schema", out var schema) ? schema : null);
            }
        }
    }
}
