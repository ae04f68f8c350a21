using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace CommsLedger.Reliability.BadInput;

/// <summary>What the generator knows of the ledger it attacks: ids that exist, and a key per caller.</summary>
public sealed record Seeded(IReadOnlyList<Guid> Ids, Guid Statement, IReadOnlyDictionary<string, string> Keys);

/// <summary>
/// FsCheck generators of requests to every operation of the OpenAPI document: each part of a request (path, query,
/// headers, body, credentials) is mostly plausible, so that requests get past the first check, and often hostile, so
/// that every later check is reached too. Bodies are built from the operation's own schema, field by field.
/// </summary>
public sealed class RequestGenerator(OpenApiRoutes routes, Seeded seeded)
{
    private static readonly Lazy<string[]> OversizedBodies = new(Oversized);

    /// <summary>Each operation's generator is built once; a request first picks its operation.</summary>
    public Gen<MalformedRequest> Requests()
    {
        var byOperation = routes.Operations.Select(Requests).ToArray();
        return Gen.Choose(0, byOperation.Length - 1).SelectMany(i => byOperation[i]);
    }

    private Gen<MalformedRequest> Requests(Operation operation) =>
        from path in PathOf(operation)
        from query in QueryOf(operation)
        from body in BodyOf(operation)
        from contentType in ContentTypeOf(operation)
        from caller in Gen.Frequency((4, Gen.Elements(seeded.Keys.Keys.ToArray())), (1, Gen.Elements("anonymous", "bad key", "bad basic", "bad bearer", "two keys")))
        from headers in HeadersOf(operation, caller)
        select new MalformedRequest(operation, path + query, body, body is null ? null : contentType, headers, caller);

    private Gen<string> PathOf(Operation operation) =>
        operation.Path.Aggregate(Gen.Constant(operation.Route), (path, parameter) =>
            from sofar in path
            from value in Frequent(PlausibleSegment(parameter.Name), Gen.Elements(Hostile.Texts))
            select sofar.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal));

    private Gen<string> PlausibleSegment(string name) => name switch
    {
        "id" => Gen.Elements(seeded.Ids.Select(i => i.ToString()).ToArray()),
        "statementId" => Gen.Constant(seeded.Statement.ToString()),
        "key" => Gen.Elements("CN-PE", "PE-CN", "BR-CN", "US-FR"),
        "kind" => Gen.Elements("brief", "scorecard"),
        "name" => Gen.Elements(seeded.Keys.Keys.ToArray()),
        _ => Gen.Constant(Guid.NewGuid().ToString()),
    };

    private Gen<string> QueryOf(Operation operation) =>
        from chosen in Gen.SubListOf(operation.Query.ToArray())
        from values in Gen.CollectToArray(chosen, p => Frequent(PlausibleQuery(p), Gen.Elements(Hostile.Texts)).Select(v => $"{p.Name}={Uri.EscapeDataString(v)}"))
        from extra in Gen.Frequency((5, Gen.Constant("")), (1, Gen.Elements("&unknown=1", "&&&", "&=", "&asKnownAt=1&asKnownAt=2")))
        select values.Length == 0 && extra.Length == 0 ? "" : "?" + string.Join("&", values) + extra;

    private Gen<string> PlausibleQuery(Parameter parameter) => parameter.Name switch
    {
        "relationship" => Gen.Elements("CN-PE", "BR-CN"),
        "by" => Gen.Elements("CN", "PE"),
        "q" => Gen.Elements("vaccine", "Sinopharm", "trade OR investment", "\"exact phrase\""),
        "format" => Gen.Elements("json", "csv", "md", "html"),
        "user" => Gen.Elements(seeded.Keys.Keys.ToArray()),
        _ => Plausible(parameter.Schema, parameter.Name, 0).Select(Unquote),
    };

    private Gen<string?> BodyOf(Operation operation)
    {
        if (operation.BodyType is null)
        {
            return Gen.Frequency((9, Gen.Constant<string?>(null)), (1, Gen.Elements(Hostile.Bodies).Select(b => (string?)b)));
        }

        if (operation.BodySchema is not { } schema)
        {
            return Gen.Frequency((3, Gen.Elements("Wang Yi spoke with Mario Lopez by phone on Thursday.", "").Select(b => (string?)b)), (1, Gen.Elements(Hostile.Texts).Select(b => (string?)b)));
        }

        return Gen.Frequency(
            (8, Plausible(schema, "", 0, hostileFields: true).Select(b => (string?)b)),
            (1, Gen.Elements(Hostile.Bodies.Concat(Hostile.Json).ToArray()).Select(b => (string?)b)),
            (1, Gen.Elements(OversizedBodies.Value).Select(b => (string?)b)));
    }

    private Gen<string> ContentTypeOf(Operation operation)
    {
        var declared = operation.BodyType ?? "application/json";
        return Gen.Frequency(
            (7, Gen.Constant(declared)),
            (2, Gen.Elements(Hostile.Charsets).Select(c => $"{declared}; charset={c}")),
            (1, Gen.Elements(Hostile.MediaTypes)));
    }

    private Gen<IReadOnlyList<(string, string)>> HeadersOf(Operation operation, string caller) =>
        from ifMatch in operation.Headers.Contains("If-Match") ? Gen.Frequency((1, Gen.Constant<string?>(null)), (4, Gen.Elements(Hostile.IfMatch).Select(v => (string?)v))) : Gen.Constant<string?>(null)
        from key in operation.Headers.Contains("Idempotency-Key") ? Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Elements(Hostile.IdempotencyKeys).Select(v => (string?)v))) : Gen.Constant<string?>(null)
        from accept in Gen.Elements(Hostile.Accepts)
        select (IReadOnlyList<(string, string)>)[.. Credentials(caller), ("Accept", accept), .. Optional("If-Match", ifMatch), .. Optional("Idempotency-Key", key)];

    private IEnumerable<(string, string)> Credentials(string caller) => caller switch
    {
        "anonymous" => [],
        "bad key" => [("X-Api-Key", "clk_" + Guid.NewGuid().ToString("N") + "_forged")],
        "bad basic" => [("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("rita:wrong")))],
        "bad bearer" => [("Authorization", "Bearer not.a.jwt")],
        "two keys" => [("X-Api-Key", seeded.Keys.Values.First()), ("X-Api-Key", seeded.Keys.Values.Last())],
        _ => [("X-Api-Key", seeded.Keys[caller])],
    };

    private static IEnumerable<(string, string)> Optional(string name, string? value) => value is null ? [] : [(name, value)];

    /// <summary>A JSON value for <paramref name="schema"/>: plausible, and with <paramref name="hostileFields"/> each field
    /// sometimes left out, hostile or of the wrong kind, plus now and then a field nobody asked for.</summary>
    private Gen<string> Plausible(JsonElement schema, string name, int depth, bool hostileFields = false)
    {
        var resolved = routes.Resolve(schema);
        if (resolved.ValueKind != JsonValueKind.Object || depth > 4)
        {
            return Gen.Constant("null");
        }

        if (resolved.TryGetProperty("enum", out var choices))
        {
            return Gen.Elements(choices.EnumerateArray().Select(c => c.GetRawText()).ToArray());
        }

        return TypeOf(resolved) switch
        {
            "object" when resolved.TryGetProperty("properties", out var properties) => ObjectOf(properties, depth, hostileFields),
            "array" => Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Plausible(resolved.TryGetProperty("items", out var items) ? items : default, name, depth + 1, hostileFields), n))
                .Select(items => "[" + string.Join(",", items) + "]"),
            "integer" or "number" => Gen.Elements("1", "0", "2"),
            "boolean" => Gen.Elements("true", "false"),
            "string" => PlausibleString(resolved, name).Select(s => JsonSerializer.Serialize(s)),
            _ => Gen.Constant("null"),
        };
    }

    private Gen<string> ObjectOf(JsonElement properties, int depth, bool hostileFields)
    {
        var fields = properties.EnumerateObject().Select(p => Field(p.Name, p.Value, depth, hostileFields)).ToArray();
        var extra = hostileFields ? Gen.Frequency((9, Gen.Constant("")), (1, Gen.Constant("\"unexpected\": 1"))) : Gen.Constant("");
        return from values in Gen.CollectToArray(fields)
               from more in extra
               select "{" + string.Join(",", values.Append(more).Where(v => v.Length > 0)) + "}";
    }

    private Gen<string> Field(string name, JsonElement schema, int depth, bool hostile)
    {
        var plausible = Plausible(schema, name, depth + 1, hostile).Select(v => $"{JsonSerializer.Serialize(name)}: {v}");
        return hostile
            ? Gen.Frequency(
                (12, plausible),
                (1, Gen.Constant("")),
                (1, Gen.Elements(Hostile.Json).Select(v => $"{JsonSerializer.Serialize(name)}: {v}")),
                (1, Gen.Elements(Hostile.Texts).Select(v => $"{JsonSerializer.Serialize(name)}: {JsonSerializer.Serialize(v)}")))
            : plausible;
    }

    private Gen<string> PlausibleString(JsonElement schema, string name)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return (format, name.ToLowerInvariant()) switch
        {
            ("date", _) => Gen.Elements("2021-03-01", "2020-11-05", "2022-01-31"),
            ("date-time", _) => Gen.Elements("2021-03-01T10:00:00Z", "2020-11-05T08:00:00+01:00"),
            ("time", _) => Gen.Elements("10:00", "23:59:59"),
            ("uuid", _) => Gen.Elements(seeded.Ids.Select(i => i.ToString()).Append(Guid.NewGuid().ToString()).ToArray()),
            (_, "country" or "by" or "to") => Gen.Elements("CN", "PE", "BR", "EU"),
            (_, "timezone" or "timeZone") => Gen.Elements("UTC", "America/Lima"),
            _ => Gen.Elements("Wang Yi", "Foreign Minister", "trade", "vaccines", "Both sides agreed to cooperate."),
        };
    }

    private static string TypeOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? (schema.TryGetProperty("properties", out _) ? "object" : "")
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t != "null") ?? "null"
        : type.GetString()!;

    private static string Unquote(string json) => json.StartsWith('"') ? JsonSerializer.Deserialize<string>(json)! : json;

    private static Gen<string> Frequent(Gen<string> plausible, Gen<string> hostile) => Gen.Frequency((3, plausible), (1, hostile));

    /// <summary>The bodies of defects found before: every party at once, a 900,000-character source URL, a 50,000-character "hash".</summary>
    private static string[] Oversized() =>
    [
        Support.Drafts.EveryParty(),
        Support.Drafts.WithSource("https://example.org/" + new string('a', 900_000), null),
        Support.Drafts.WithSource(null, new string('z', 50_000)),
        string.Create(CultureInfo.InvariantCulture, $"{{\"note\": \"{new string('n', 4_001)}\"}}"),
    ];
}
