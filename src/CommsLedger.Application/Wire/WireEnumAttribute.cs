namespace CommsLedger.Application.Wire;

/// <summary>A text field, list of texts or query parameter read leniently as <paramref name="enumType"/>: the contract lists its
/// <see cref="WireNames"/> values, while the server still reads the deprecated spellings and names a bad one as a field error.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class WireEnumAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}
