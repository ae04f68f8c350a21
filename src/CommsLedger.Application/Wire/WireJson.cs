using System.Text.Json;

namespace CommsLedger.Application.Wire;

/// <summary>The serializer settings every edge shares for the wire vocabulary.</summary>
public static class WireJson
{
    public static JsonSerializerOptions Use(this JsonSerializerOptions options)
    {
        options.Converters.Add(new WireEnumConverter());
        return options;
    }
}
