using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CommsLedger.Api.Tests.Support.Contract;

/// <summary>
/// What the OpenAPI document promises about each answer: for the operation a request reached (its method and path
/// template), the status must be declared, the media type must be one declared for that status, and a JSON body
/// (application/json, application/problem+json) must validate against the schema declared for it. Requests to paths
/// or methods the document does not list (the document itself, the reference pages, routes a fuzzer made up) are not
/// operations of the contract and are not checked.
/// </summary>
public sealed class ResponseContract
{
    private static readonly Lazy<ResponseContract> CommittedContract = new(() =>
        new ResponseContract((JsonObject)JsonNode.Parse(File.ReadAllText(ContractFiles.CommittedDocument))!));

    private readonly JsonObject _paths;
    private readonly ContractSchemas _schemas;
    private readonly (Regex Pattern, int Literals, string Template)[] _templates;

    public ResponseContract(JsonObject document)
    {
        _paths = document["paths"]!.AsObject();
        _schemas = new ContractSchemas(document);
        _templates = [.. _paths.Select(p => (Pattern(p.Key), p.Key.Split('/').Count(s => !s.StartsWith('{')), p.Key))];
    }

    /// <summary>The committed document (src/CommsLedger.Client/openapi.json), the one clients are generated from;
    /// CommittedDocumentTests keeps it equal to the served one.</summary>
    public static ResponseContract Committed => CommittedContract.Value;

    /// <summary>The operation the request reached ("POST /interactions/{id}/statements", null when the document has
    /// none) and every way the answer breaks what it declares.</summary>
    public (string? Operation, IReadOnlyList<string> Violations) Check(string method, string path, int status, string? mediaType, ReadOnlySpan<byte> body)
    {
        if (Operation(method, path) is not { } found)
        {
            return (null, []);
        }

        return (found.Where, Violations(found.Operation, found.Where, status, mediaType, body));
    }

    private IReadOnlyList<string> Violations(JsonObject operation, string where, int status, string? mediaType, ReadOnlySpan<byte> body)
    {
        var responses = operation["responses"]?.AsObject() ?? [];
        var declared = Declared(responses, status);
        if (declared is null)
        {
            return [$"{where}: status {status} is not declared (it declares {string.Join(", ", responses.Select(r => r.Key))})"];
        }

        var content = responses[declared]?["content"]?.AsObject();
        if (body.IsEmpty)
        {
            return content is { Count: > 0 } && status != 204
                ? [$"{where} {status}: no body, although {string.Join(", ", content.Select(c => c.Key))} is declared"]
                : [];
        }

        if (mediaType is null || content?.FirstOrDefault(c => Matches(c.Key, mediaType)) is not { Key: not null } media)
        {
            return [$"{where} {status}: a body of {mediaType ?? "no Content-Type"}, but the document declares {(content is null ? "none" : string.Join(", ", content.Select(c => c.Key)))}"];
        }

        return IsJson(mediaType) && media.Value?["schema"] is { } schema
            ? Validate($"{where} {status} {mediaType}", $"{where}|{declared}|{media.Key}", schema, body)
            : [];
    }

    private IReadOnlyList<string> Validate(string what, string location, JsonNode schema, ReadOnlySpan<byte> body)
    {
        JsonElement instance;
        try
        {
            using var parsed = JsonDocument.Parse(body.ToArray());
            instance = parsed.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return [$"{what}: the body is not JSON ({e.Message})"];
        }

        return [.. _schemas.Violations(location, schema, instance).Select(v => $"{what}: {v}")];
    }

    /// <summary>The operation of <paramref name="method"/> on the template matching <paramref name="path"/>; a
    /// literal segment wins over a parameter (/health/ready before /health/{x}), as in routing.</summary>
    private (JsonObject Operation, string Where)? Operation(string method, string path)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        var template = _templates.Where(t => t.Pattern.IsMatch(trimmed)).OrderByDescending(t => t.Literals).Select(t => t.Template).FirstOrDefault();
        return template is not null && _paths[template]?[method.ToLowerInvariant()] is JsonObject operation
            ? (operation, $"{method.ToUpperInvariant()} {template}")
            : null;
    }

    private static string? Declared(JsonObject responses, int status)
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] candidates = [code, $"{code[0]}XX", "default"];
        return candidates.FirstOrDefault(c => responses.ContainsKey(c));
    }

    private static bool Matches(string declared, string actual) =>
        declared == "*/*"
        || string.Equals(declared, actual, StringComparison.OrdinalIgnoreCase)
        || (declared.EndsWith("/*", StringComparison.Ordinal) && actual.StartsWith(declared[..^1], StringComparison.OrdinalIgnoreCase));

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static Regex Pattern(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?}", "[^/]+") + "$", RegexOptions.CultureInvariant);
}
