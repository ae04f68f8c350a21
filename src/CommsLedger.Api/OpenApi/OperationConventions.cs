using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Concurrency;
using CommsLedger.Api.Idempotency;
using CommsLedger.Application.Topology;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommsLedger.Api.OpenApi;

/// <summary>
/// Every operation, by convention from its endpoint's metadata: an operationId from its method and route, every
/// content type it declares, its security requirement, the If-Match and Idempotency-Key headers it takes, the ETag it
/// answers with, and a ProblemDetails answer for each error it can give (<see cref="ProblemAnswers"/>).
/// </summary>
public static class OperationConventions
{
    public static async Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        operation.OperationId ??= OperationId(description.HttpMethod ?? "GET", description.RelativePath ?? "");
        operation.Responses ??= [];
        await ProducedContent.Merge(operation, context, cancellationToken);
        if (operation.Responses.ContainsKey("201"))
        {
            operation.Responses.Remove("200"); // Versioned<T> declares 200 for every use; a creating write answers 201 only
        }

        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var reads = HttpMethods.IsGet(description.HttpMethod ?? "GET");
        if (secured && reads)
        {
            Parameter(operation, LedgerPositions.QueryParameter, ParameterLocation.Query,
                $"A {LedgerPositions.Header} a write answered with: the read waits (up to {LedgerPositions.Bound.TotalSeconds:0} s) until this node has replayed it, else 503.");
            Parameter(operation, LedgerPositions.Header, ParameterLocation.Header, $"The same as ?{LedgerPositions.QueryParameter}=, as a header.");
        }

        var facts = new ProblemAnswers.Facts(
            Writes: !HttpMethods.IsGet(description.HttpMethod ?? "GET") && !HttpMethods.IsHead(description.HttpMethod ?? "GET"),
            TakesIfMatch: metadata.OfType<MethodInfo>().Any(m => m.GetParameters().Any(p => p.ParameterType == typeof(IfMatch))),
            Idempotent: metadata.OfType<IdempotentWrite>().Any(),
            Secured: secured,
            HasBody: operation.RequestBody is not null,
            HasParameters: operation.Parameters?.Count > 0,
            HasRouteValues: description.RelativePath?.Contains('{', StringComparison.Ordinal) == true);

        if (facts.TakesIfMatch)
        {
            Header(operation, IfMatch.Header, required: true, "The ETag of the stream you read (e.g. \"7\"); 428 without it, 409 when stale.", "\"7\"");
        }

        if (facts.Idempotent)
        {
            Header(operation, IdempotencyMiddleware.Header, required: false,
                "Retrying with the same key and request returns the first response and appends nothing; the same key with another request is 422.",
                "3f1c9a2e-retry-1");
        }

        if (metadata.OfType<MethodInfo>().Any(m => IsVersioned(m.ReturnType)))
        {
            ETag(operation);
        }

        if (secured && facts.Writes)
        {
            Position(operation);
        }

        operation.Security = facts.Secured
            ? [.. SignIn.Schemes(context.ApplicationServices.GetRequiredService<JwtSettings>())
                .Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s.Name, document)] = [] })]
            : [];
        ProblemAnswers.Declare(operation, document, facts);
    }

    /// <summary>GET /interactions/{id}/statements → getInteractionsByIdStatements: unique, since method and route are.</summary>
    public static string OperationId(string method, string route)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in route.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var isParameter = segment.StartsWith('{');
            var name = isParameter ? segment.Trim('{', '}').Split(':')[0] : segment;
            id.Append(isParameter ? "By" : "");
            foreach (var word in name.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                id.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word[1..]);
            }
        }

        return id.ToString();
    }

    private static bool IsVersioned(Type type)
    {
        var answer = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) ? type.GetGenericArguments()[0] : type;
        return answer.IsGenericType && answer.GetGenericTypeDefinition() == typeof(Versioned<>);
    }

    private static void ETag(OpenApiOperation operation)
    {
        foreach (var status in new[] { "200", "201" })
        {
            if (operation.Responses!.TryGetValue(status, out var answer) && answer is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                response.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "The stream's version as this reader sees it; send it back as If-Match to change the stream (absent on time-travel reads)",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("\"7\"")] },
                };
            }
        }
    }

    private static void Position(OpenApiOperation operation)
    {
        foreach (var answer in operation.Responses!.Where(r => r.Key.StartsWith('2')).Select(r => r.Value).OfType<OpenApiResponse>())
        {
            answer.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            answer.Headers[LedgerPositions.Header] = new OpenApiHeader
            {
                Description = $"The primary's WAL position at or after this write's commit; send it back on reads (?{LedgerPositions.QueryParameter}=) to read your write on any node",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("0/16B3748")] },
            };
        }
    }

    private static void Parameter(OpenApiOperation operation, string name, ParameterLocation location, string description)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = location,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("0/16B3748")] },
        });
    }

    private static void Header(OpenApiOperation operation, string name, bool required, string description, string example)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.In == ParameterLocation.Header))
        {
            return;
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = required,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200, Examples = [JsonValue.Create(example)] },
        });
    }
}
