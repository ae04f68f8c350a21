namespace CommsLedger.Domain.Shared;

public static class EnumText
{
    /// <summary>True only for one member's name (any case): not a number, and not a comma list that
    /// <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would combine into another value.</summary>
    public static bool IsName<TEnum>(string? text)
        where TEnum : struct, Enum =>
        text is not null && Enum.GetNames<TEnum>().Any(name => string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase));
}
