using System.Text.Json;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Wire;

/// <summary>
/// The one spelling of every enum value on the wire — the API in both directions, the CLI's JSON, the interaction
/// file format: kebab-case (<c>phone-call</c>, <c>top-secret</c>, <c>partially-fulfilled</c>). Reading also accepts,
/// for one release, the spellings written before it (camelCase <c>phoneCall</c>, PascalCase, snake_case and the
/// spaced marking <c>TOP SECRET</c>), in any case; never a number.
/// </summary>
public static class WireNames
{
    private static readonly JsonNamingPolicy Policy = JsonNamingPolicy.KebabCaseLower;

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Of(value.ToString());

    public static string Of(string memberName) => Policy.ConvertName(memberName);

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => [.. Enum.GetNames<TEnum>().Select(Of)];

    public static IReadOnlyList<string> All(Type enumType) => [.. Enum.GetNames(enumType).Select(Of)];

    public static bool TryRead<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        var compact = Compact(text);
        value = default;
        return EnumText.IsName<TEnum>(compact) && Enum.TryParse(compact, ignoreCase: true, out value);
    }

    /// <summary>True when <paramref name="text"/> names a member but not in the current spelling (a deprecated one).</summary>
    public static bool IsOldSpelling<TEnum>(string text)
        where TEnum : struct, Enum =>
        TryRead<TEnum>(text, out var value) && !string.Equals(text, Of(value), StringComparison.Ordinal);

    private static string Compact(string? text) =>
        (text ?? "").Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
}
