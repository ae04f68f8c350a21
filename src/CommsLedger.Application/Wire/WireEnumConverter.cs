using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommsLedger.Application.Wire;

/// <summary>Every enum as its <see cref="WireNames"/> spelling, as a value and as a dictionary key. Registered once per
/// serializer (<see cref="WireJson.Use"/>), so no property needs an attribute.</summary>
public sealed class WireEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Of<>).MakeGenericType(typeToConvert))!;

    private sealed class Of<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw Unknown(null);

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(WireNames.Of(value));

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WritePropertyName(WireNames.Of(value));

        private static TEnum Parse(string? text) => WireNames.TryRead<TEnum>(text, out var value) ? value : throw Unknown(text);

        private static JsonException Unknown(string? text) =>
            new($"{(text is null ? "the value" : $"'{text}'")} is not one of {string.Join(", ", WireNames.All<TEnum>())}");
    }
}
