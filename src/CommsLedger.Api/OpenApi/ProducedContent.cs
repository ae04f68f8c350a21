using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommsLedger.Api.OpenApi;

/// <summary>
/// Every content type an endpoint declares for a status. The generator keeps one <c>Produces</c> per status (the last),
/// so an endpoint answering CSV or JSON by a query value (<c>.Produces&lt;string&gt;(200, "text/csv")
/// .Produces&lt;RelationshipExport&gt;(200, "application/json")</c>) would document only JSON. Declare the typed answer
/// last: the generator then references its components, while one added here is written out whole.
/// </summary>
public static class ProducedContent
{
    public static async Task Merge(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var produced = context.Description.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>()
            .Where(p => p.Type is not null && p.Type != typeof(void));
        foreach (var declared in produced)
        {
            var status = declared.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses?.TryGetValue(status, out var answer) != true || answer is not OpenApiResponse response)
            {
                continue;
            }

            response.Content ??= new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
            foreach (var contentType in declared.ContentTypes.Where(c => !response.Content.ContainsKey(c)))
            {
                response.Content[contentType] = new OpenApiMediaType { Schema = await SchemaOf(declared.Type!, context, cancellationToken) };
            }
        }
    }

    /// <summary>A text answer is a string; anything else is the type's component, as the generator names it.</summary>
    private static async Task<IOpenApiSchema> SchemaOf(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (type == typeof(string))
        {
            return new OpenApiSchema { Type = JsonSchemaType.String };
        }

        var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        context.Document?.AddComponent(type.Name, schema);
        return new OpenApiSchemaReference(type.Name, context.Document);
    }
}
