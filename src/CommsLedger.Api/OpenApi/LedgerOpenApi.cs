using System.Reflection;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Concurrency;
using CommsLedger.Api.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommsLedger.Api.OpenApi;

/// <summary>The OpenAPI document (/openapi/v1.json): the three ways to sign in, the If-Match and Idempotency-Key headers
/// of each write, and the 401/403 answers of every endpoint that needs a role.</summary>
public static class LedgerOpenApi
{
    public static IServiceCollection AddLedgerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                var jwt = context.ApplicationServices.GetRequiredService<JwtSettings>();
                document.Info.Title = "CommsLedger API";
                document.Info.Description = "An append-only ledger of diplomatic interactions and pledges. Reads return the stream version as an ETag; "
                    + "writes to an existing stream need it back as If-Match. Every error is a ProblemDetails.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthentication.Name] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthentication.Header,
                    Description = "An API key, issued to its own user signed in (POST /me/keys) or by the local operator (commsledger users key issue).",
                };
                document.Components.SecuritySchemes[BasicAuthentication.Name] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "basic" };
                if (jwt.IsConfigured)
                {
                    document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT" };
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<MethodInfo>().Any(m => m.GetParameters().Any(p => p.ParameterType == typeof(IfMatch))))
                {
                    Header(operation, IfMatch.Header, required: true, "The ETag of the stream you read (e.g. \"7\"); 428 without it, 409 when stale.");
                    Problem(operation, "409", "Changed since the If-Match version (or already recorded); nothing was appended");
                    Problem(operation, "428", "If-Match is missing");
                    Problem(operation, "422", "The ledger's rules do not allow this change (errors name the field)");
                }

                if (operation.Parameters?.Count > 0 || operation.RequestBody is not null)
                {
                    Problem(operation, "400", "Invalid fields, unreadable JSON or a bad query value (errors name each field)");
                }

                if (operation.RequestBody is not null)
                {
                    Problem(operation, "413", "The body is larger than 1 MiB");
                }

                if (context.Description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
                {
                    Problem(operation, "404", "No such entry, or none you are cleared to see");
                }

                if (metadata.OfType<IdempotentWrite>().Any())
                {
                    Header(operation, IdempotencyMiddleware.Header, required: false,
                        "Retrying with the same key and request returns the first response and appends nothing; the same key with another request is 422.");
                }

                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    Secure(operation, context.Document, context.ApplicationServices.GetRequiredService<JwtSettings>());
                }

                return Task.CompletedTask;
            });
        });

    private static void Header(OpenApiOperation operation, string name, bool required, string description)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = required,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    private static void Problem(OpenApiOperation operation, string status, string description)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd(status, new OpenApiResponse { Description = description + " (ProblemDetails)" });
    }

    private static void Secure(OpenApiOperation operation, OpenApiDocument? document, JwtSettings jwt)
    {
        operation.Security ??= [];
        string[] schemes = jwt.IsConfigured ? [ApiKeyAuthentication.Name, BasicAuthentication.Name, "Bearer"] : [ApiKeyAuthentication.Name, BasicAuthentication.Name];
        foreach (var scheme in schemes)
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] });
        }

        Problem(operation, "401", "No or wrong credentials");
        Problem(operation, "403", "The caller's roles do not allow this");
    }
}
