using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CommsLedger.Ingest;
using Microsoft.OpenApi;

namespace CommsLedger.Api.OpenApi;

/// <summary>
/// The readout draft (POST /readouts/draft) keeps the snake_case names of its own format, written by
/// <see cref="DraftJson"/> rather than by the API's serializer: its schemas take the same names, and list the
/// channels and commitment kinds a draft can carry.
/// </summary>
public static class DraftSchemas
{
    private static readonly Type[] Shapes = [typeof(ReadoutDraft), typeof(DraftParticipant), typeof(DraftStatement), typeof(DraftCommitment), typeof(DraftFollowUp)];

    public static bool Covers(Type type) => Shapes.Contains(type);

    public static void Apply(OpenApiSchema schema, JsonTypeInfo type)
    {
        var renamed = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var property in type.Properties)
        {
            var clrName = (property.AttributeProvider as MemberInfo)?.Name ?? property.Name;
            if (schema.Properties!.TryGetValue(property.Name, out var propertySchema))
            {
                renamed[JsonNamingPolicy.SnakeCaseLower.ConvertName(clrName)] = propertySchema;
            }
        }

        schema.Properties = renamed;
        Choices(schema, "channel", typeof(Channels));
        if (type.Type == typeof(DraftCommitment))
        {
            Choices(schema, "kind", typeof(CommitmentKinds));
        }
    }

    private static void Choices(OpenApiSchema schema, string property, Type constants)
    {
        if (schema.Properties is { } properties && properties.TryGetValue(property, out var found) && found is OpenApiSchema text)
        {
            text.Enum = [.. constants.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (JsonNode)JsonValue.Create((string)f.GetRawConstantValue()!))];
        }
    }
}
