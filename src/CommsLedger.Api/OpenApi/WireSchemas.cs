using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CommsLedger.Application.Wire;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommsLedger.Api.OpenApi;

/// <summary>
/// Schemas as the wire really is: enums as their kebab-case values, numbers as numbers (the server writes them so),
/// text fields that carry an enum or a date described as such, and <c>required</c> only where the server requires.
/// A request shape says what it requires with [Required] (and such a field is not nullable); a shape without any lists
/// its non-nullable properties, which is what the server always writes. Request shapes carry the seed call as example.
/// </summary>
public static class WireSchemas
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            Enum(schema, type);
        }
        else if (context.JsonTypeInfo is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { IsEnum: true } element } && schema.Items?.Enum is not { Count: > 0 })
        {
            // The generator leaves a list of enums (roles) without items, since the enums are written by a converter.
            var items = new OpenApiSchema();
            Enum(items, element);
            schema.Items = items;
        }

        NumbersAsNumbers(schema);
        if (type == typeof(TimeOnly))
        {
            LocalTime(schema, "^[0-2][0-9]:[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?$");
        }
        if (context.ParameterDescription?.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: var parameter })
        {
            Describe(schema, parameter.GetCustomAttributes(inherit: true));
        }

        if (context.JsonPropertyInfo is { } property)
        {
            Describe(schema, property.AttributeProvider?.GetCustomAttributes(inherit: true) ?? []);
            if (property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
            {
                NotNull(schema);
            }
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            if (DraftSchemas.Covers(type))
            {
                DraftSchemas.Apply(schema, context.JsonTypeInfo);
            }

            schema.Required = RequiredOf(schema, context.JsonTypeInfo);
        }

        SeedExamples.Apply(schema, type);

        return Task.CompletedTask;
    }

    private static void Enum(OpenApiSchema schema, Type enumType)
    {
        var nullable = schema.Type?.HasFlag(JsonSchemaType.Null) == true;
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Enum = [.. WireNames.All(enumType).Select(name => (JsonNode)JsonValue.Create(name))];
    }

    /// <summary>The web defaults read "7" as 7, so the exporter allows strings; the server never writes one.</summary>
    private static void NumbersAsNumbers(OpenApiSchema schema)
    {
        if (schema.Type is { } t && (t.HasFlag(JsonSchemaType.Integer) || t.HasFlag(JsonSchemaType.Number)) && t.HasFlag(JsonSchemaType.String))
        {
            schema.Type = t & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }

    /// <summary>What the attributes of a property or query parameter say about its values.</summary>
    private static void Describe(OpenApiSchema schema, IEnumerable<object> attributes)
    {
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case WireEnumAttribute wire when schema.Items is OpenApiSchema items:
                    items.Type = JsonSchemaType.String;
                    items.Enum = [.. WireNames.All(wire.EnumType).Select(name => (JsonNode)JsonValue.Create(name))];
                    break;
                case WireEnumAttribute wire:
                    schema.Enum = [.. WireNames.All(wire.EnumType).Select(name => (JsonNode)JsonValue.Create(name)), .. Null(schema)];
                    break;
                case DataTypeAttribute { DataType: DataType.Date }:
                    schema.Format = "date";
                    break;
                case DataTypeAttribute { DataType: DataType.DateTime }:
                    schema.Format = "date-time";
                    break;
                case AllowedValuesAttribute allowed:
                    schema.Enum = [.. allowed.Values.Select(value => (JsonNode)JsonValue.Create(value?.ToString())!)];
                    break;
                case DataTypeAttribute { DataType: DataType.Time }:
                    LocalTime(schema, "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?$");
                    break;
                case DataTypeAttribute { DataType: DataType.Url }:
                    schema.Format = "uri";
                    break;
                case MaxLengthAttribute max when IsList(schema):
                    schema.MaxItems = max.Length;
                    break;
                case MaxLengthAttribute max:
                    schema.MaxLength = max.Length;
                    break;
                case MinLengthAttribute min when IsList(schema):
                    schema.MinItems = min.Length;
                    break;
                case MinLengthAttribute min:
                    schema.MinLength = min.Length;
                    break;
                case StringLengthAttribute length:
                    schema.MinLength = length.MinimumLength > 0 ? length.MinimumLength : null;
                    schema.MaxLength = length.MaximumLength;
                    break;
                case RegularExpressionAttribute regex:
                    schema.Pattern = regex.Pattern;
                    break;
                case RangeAttribute range:
                    schema.Type = schema.Type?.HasFlag(JsonSchemaType.String) == true ? (schema.Type & ~JsonSchemaType.String) | JsonSchemaType.Integer : schema.Type; // a number read from text
                    schema.Minimum = Convert.ToString(range.Minimum, System.Globalization.CultureInfo.InvariantCulture);
                    schema.Maximum = Convert.ToString(range.Maximum, System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
        }
    }

    /// <summary>A time of day, local to the entry's time zone. Not <c>format: time</c>: JSON Schema's time is RFC 3339's
    /// full-time, which carries an offset ("14:30:00Z"), and the ledger's times (14:30, as written 14:30:00) do not.</summary>
    private static void LocalTime(OpenApiSchema schema, string pattern)
    {
        schema.Format = null;
        schema.Pattern = pattern;
        schema.Description ??= "A time of day, local to the time zone given with it";
    }

    private static bool IsList(OpenApiSchema schema) => schema.Type?.HasFlag(JsonSchemaType.Array) == true;

    /// <summary>A required field is sent with a value: the server reads it as nullable only to name it when it is missing.</summary>
    private static void NotNull(OpenApiSchema schema)
    {
        if (schema.Type is { } t && t.HasFlag(JsonSchemaType.Null))
        {
            schema.Type = t & ~JsonSchemaType.Null;
            schema.Enum = schema.Enum?.Where(value => value is not null).ToList();
        }
    }

    /// <summary>An enum on a nullable text must list null too, or null would fail it.</summary>
    private static IEnumerable<JsonNode> Null(OpenApiSchema schema) =>
        schema.Type?.HasFlag(JsonSchemaType.Null) == true ? [null!] : [];

    private static HashSet<string> RequiredOf(OpenApiSchema schema, JsonTypeInfo type)
    {
        var marked = type.Properties
            .Where(p => p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        if (marked.Count > 0)
        {
            return marked;
        }

        return schema.Properties!.Where(p => !IsNullable(p.Value)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsNullable(IOpenApiSchema schema) =>
        schema.Type?.HasFlag(JsonSchemaType.Null) == true
        || schema.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true
        || schema.AnyOf?.Any(s => s.Type == JsonSchemaType.Null) == true;
}
