using System.Text.Json.Nodes;
using CommsLedger.Api.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommsLedger.Api.OpenApi;

/// <summary>What the document says once: title, licence, contact, the server, tag descriptions, the ways to sign in, the Retry-After header
/// and the one ProblemDetails shape every error answer has.</summary>
public static class DocumentConventions
{
    public const string ProblemSchema = "ProblemDetails";
    public const string RetryAfterHeader = "Retry-After";

    /// <summary>The server the document names, <c>OpenApi:ServerUrl</c> (default the README's local address).</summary>
    public const string ServerUrlSetting = "OpenApi:ServerUrl";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Health"] = "Liveness of the API and its database; no sign-in.",
        ["Interactions"] = "Calls, meetings, visits, letters and joint statements with their statements and commitments.",
        ["Readouts"] = "Drafting an interaction from the text of a published readout; nothing is recorded.",
        ["Pledges"] = "Commitments as pledges: status, progress and compliance assessments.",
        ["Follow-ups"] = "Actions to take on a pledge or an interaction, by a due date.",
        ["Corrections"] = "Corrections of one field and retractions; the original stays in the ledger.",
        ["Relationships"] = "Bilateral and multilateral relationships and what was said and promised in them.",
        ["History"] = "The ledger's history of a relationship and the replay check of the read models.",
        ["Exports"] = "A relationship's ledger as JSON or CSV.",
        ["Integrity"] = "Verification of the signed, hash-chained ledger log.",
        ["Users"] = "Users, roles, clearances and API keys (admin), and who the caller is.",
        ["Search"] = "Full-text search over statements, commitments and interactions, ranked, with facets per relationship, party and year.",
        ["Reports"] = "Briefs and scorecards in Markdown, HTML, CSV, JSON or PDF, built with the caller's clearance.",
    };

    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var configuration = context.ApplicationServices.GetRequiredService<IConfiguration>();
        document.Info.Title = "CommsLedger API";
        document.Info.Description = "An append-only ledger of diplomatic interactions and pledges. Reads return the stream version as an ETag; "
            + "writes to an existing stream need it back as If-Match. Every error is a ProblemDetails (application/problem+json) whose "
            + "`errors` name each field and its problem. Enum values are kebab-case (`phone-call`, `top-secret`, `partially-fulfilled`).";
        var server = (configuration[ServerUrlSetting] ?? "http://127.0.0.1:5080").TrimEnd('/');
        document.Servers = [new OpenApiServer { Url = server, Description = "The API (set OpenApi:ServerUrl where it runs elsewhere)" }];
        document.Info.Contact = new OpenApiContact { Name = "CommsLedger maintainers", Url = new Uri(server + "/scalar") };
        // No public licence: the ledger is the ministry's. SPDX's LicenseRef- form names a licence that is not on its list.
        document.Info.License = new OpenApiLicense { Name = "Proprietary: for the ministry and its integrators", Identifier = "LicenseRef-CommsLedger-Proprietary" };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? ""); // a new tag without one fails ContractConventionsTests
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var (name, scheme) in SignIn.Schemes(context.ApplicationServices.GetRequiredService<JwtSettings>()))
        {
            document.Components.SecuritySchemes[name] = scheme;
        }

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        document.Components.Headers[RetryAfterHeader] = new OpenApiHeader
        {
            Description = "Seconds to wait before retrying",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Examples = [JsonValue.Create(5)] },
        };
        return Task.CompletedTask;
    }

    /// <summary>Written by hand: the framework's own ProblemDetails schema lacks the extensions the API always adds.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An error answer (RFC 9457). `errors` maps each field (a JSON path, a query parameter or a header) to its problems.",
        Required = new HashSet<string>(StringComparer.Ordinal) { "status", "title" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The X-Correlation-Id of the request" },
            ["cause"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Why the database is unavailable (503 only)" },
            ["database"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Why the database is unavailable, on the health checks' 503" },
            ["checks"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Each readiness check (database, standby, integrator) and what it found, on /health/ready's 503",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String },
            },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
        Examples = [JsonNode.Parse("""
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The request has invalid fields; nothing was recorded","status":400,
             "detail":"commitments[2].kind: 'promise' is not one of pledge, intent, offer, request, agreement",
             "errors":{"commitments[2].kind":["'promise' is not one of pledge, intent, offer, request, agreement"]},"correlationId":"0HN8..."}
            """)!],
    };
}
