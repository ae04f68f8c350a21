using Microsoft.OpenApi;

namespace CommsLedger.Api.OpenApi;

/// <summary>
/// The error answers an operation can give, from what it takes and how it is secured, each a ProblemDetails
/// (application/problem+json). An endpoint may declare more with <c>ProducesProblem</c>; they get the same shape.
/// </summary>
public static class ProblemAnswers
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>What the conventions need to know of an operation.</summary>
    public sealed record Facts(bool Writes, bool TakesIfMatch, bool Idempotent, bool Secured, bool HasBody, bool HasParameters, bool HasRouteValues);

    public static void Declare(OpenApiOperation operation, OpenApiDocument? document, Facts facts)
    {
        if (facts.TakesIfMatch)
        {
            Add(operation, document, "409", "Changed since the If-Match version (or already recorded); nothing was appended");
            Add(operation, document, "428", "If-Match is missing");
        }

        if (facts.Idempotent)
        {
            Add(operation, document, "409", "Already recorded, or the same Idempotency-Key was being processed at the same moment; nothing was appended");
            Add(operation, document, "422", "The ledger's rules do not allow this change, or the Idempotency-Key was used for another request (errors name the field)");
        }

        if (facts.Writes && facts.Secured)
        {
            Add(operation, document, "422", "The ledger's rules do not allow this change (errors name the field); nothing was appended");
        }

        if (facts.HasParameters || facts.HasBody || facts.TakesIfMatch || facts.Idempotent)
        {
            Add(operation, document, "400", "Invalid fields, unreadable JSON or a bad query value (errors name each field)");
        }

        if (facts.HasBody)
        {
            Add(operation, document, "413", $"The body is larger than {Hosting.ApiLimits.MaxBodyBytes / 1024} KiB");
            Add(operation, document, "415", "The body is not of the declared Content-Type, or its charset is unknown");
        }

        if (facts.HasRouteValues)
        {
            Add(operation, document, "404", "No such entry, or none you are cleared to see");
        }

        if (facts.Secured)
        {
            Add(operation, document, "401", "No or wrong credentials");
            Add(operation, document, "403", "The caller's roles or clearance do not allow this");
            Add(operation, document, "429", "Too many failed password sign-ins (Basic) for this user or from this address; wait Retry-After seconds, or use an API key");
            RetryAfter(operation, document, "429");
        }

        Add(operation, document, "503", "The ledger's database is unavailable; retry after the Retry-After seconds");
        RetryAfter(operation, document, "503");
        foreach (var (status, answer) in operation.Responses ?? [])
        {
            if (status.Length == 3 && status[0] is '4' or '5' && answer is OpenApiResponse response)
            {
                UseProblemShape(response, document);
            }
        }
    }

    private static void Add(OpenApiOperation operation, OpenApiDocument? document, string status, string description)
    {
        operation.Responses ??= [];
        if (operation.Responses.TryAdd(status, new OpenApiResponse { Description = description }))
        {
            UseProblemShape((OpenApiResponse)operation.Responses[status], document);
        }
    }

    private static void RetryAfter(OpenApiOperation operation, OpenApiDocument? document, string status)
    {
        if (operation.Responses?.TryGetValue(status, out var answer) == true && answer is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            response.Headers[DocumentConventions.RetryAfterHeader] = new OpenApiHeaderReference(DocumentConventions.RetryAfterHeader, document);
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
}
