using Microsoft.AspNetCore.OpenApi;

namespace CommsLedger.Api.OpenApi;

/// <summary>The OpenAPI document (/openapi/v1.json), the contract the client package in src/CommsLedger.Client is
/// generated from. Everything in it is derived by convention from the endpoints' metadata, so a new endpoint gets its
/// operationId, security and problem answers without being listed anywhere.</summary>
public static class LedgerOpenApi
{
    public static IServiceCollection AddLedgerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(DocumentConventions.Apply);
            options.AddOperationTransformer(OperationConventions.Apply);
            options.AddSchemaTransformer(WireSchemas.Apply);
        });
}
