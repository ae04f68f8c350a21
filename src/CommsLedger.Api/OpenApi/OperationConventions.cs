using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Concurrency;
using CommsLedger.Api.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommsLedger.Api.OpenApi;

/// <summary>
/// Every operation, by convention from its endpoint's metadata: an operationId from its method and route, its security
/// requirement, the If-Match and Idempotency-Key headers it takes, the ETag it answers with, and a ProblemDetails
/// answer for each error it can give.
/// </summary>
public static class OperationConventions
{
    public const string ProblemJson = "application/problem+json";

    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        operation.OperationId ??= OperationId(description.HttpMethod ?? "GET", description.RelativePath ?? "");
        operation.Responses ??= [];
        if (operation.Responses.ContainsKey("201"))
        {
            operation.Responses.Remove("200"); // Versioned<T> declares 200 for every use; a creating write answers 201 only
        }

        var takesIfMatch = metadata.OfType<MethodInfo>().Any(m => m.GetParameters().Any(p => p.ParameterType == typeof(IfMatch)));
        var answersVersioned = metadata.OfType<MethodInfo>().Any(m => IsVersioned(m.ReturnType));
        var idempotent = metadata.OfType<IdempotentWrite>().Any();
        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var hasBody = operation.RequestBody is not null;

        if (takesIfMatch)
        {
            Header(operation, IfMatch.Header, required: true, "The ETag of the stream you read (e.g. \"7\"); 428 without it, 409 when stale.", "\"7\"");
            Problem(operation, document, "409", "Changed since the If-Match version (or already recorded); nothing was appended");
            Problem(operation, document, "428", "If-Match is missing");
        }

        if (idempotent)
        {
            Header(operation, IdempotencyMiddleware.Header, required: false,
                "Retrying with the same key and request returns the first response and appends nothing; the same key with another request is 422.",
                "3f1c9a2e-retry-1");
            Problem(operation, document, "409", "Already recorded, or the same Idempotency-Key was being processed at the same moment; nothing was appended");
            Problem(operation, document, "422", "The ledger's rules do not allow this change, or the Idempotency-Key was used for another request (errors name the field)");
        }

        if (answersVersioned)
        {
            foreach (var status in new[] { "200", "201" })
            {
                if (operation.Responses.TryGetValue(status, out var answer) && answer is OpenApiResponse response)
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

        if (operation.Parameters?.Count > 0 || hasBody)
        {
            Problem(operation, document, "400", "Invalid fields, unreadable JSON or a bad query value (errors name each field)");
        }

        if (hasBody)
        {
            Problem(operation, document, "413", $"The body is larger than {Hosting.ApiLimits.MaxBodyBytes / 1024} KiB");
            Problem(operation, document, "415", "The body is not of the declared Content-Type, or its charset is unknown");
        }

        if (description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            Problem(operation, document, "404", "No such entry, or none you are cleared to see");
        }

        if (secured)
        {
            Secure(operation, document, context.ApplicationServices.GetRequiredService<JwtSettings>());
        }
        else
        {
            operation.Security = [];
        }

        Problem(operation, document, "503", "The ledger's database is unavailable; retry after the Retry-After seconds");
        foreach (var (status, answer) in operation.Responses)
        {
            if (status.Length == 3 && status[0] is '4' or '5' && answer is OpenApiResponse response)
            {
                UseProblemShape(response, document);
            }
        }

        return Task.CompletedTask;
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

    private static void Problem(OpenApiOperation operation, OpenApiDocument? document, string status, string description)
    {
        operation.Responses ??= [];
        if (operation.Responses.TryAdd(status, new OpenApiResponse { Description = description }))
        {
            UseProblemShape((OpenApiResponse)operation.Responses[status], document);
        }
    }

    private static void UseProblemShape(OpenApiResponse response, OpenApiDocument? document)
    {
        response.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [ProblemJson] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(DocumentConventions.ProblemSchema, document) },
        };
        if (string.IsNullOrEmpty(response.Description))
        {
            response.Description = "A ProblemDetails";
        }
    }

    private static void Secure(OpenApiOperation operation, OpenApiDocument? document, JwtSettings jwt)
    {
        operation.Security = [.. SignIn.Schemes(jwt).Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s.Name, document)] = [] })];
        Problem(operation, document, "401", "No or wrong credentials");
        Problem(operation, document, "403", "The caller's roles or clearance do not allow this");
    }
}
