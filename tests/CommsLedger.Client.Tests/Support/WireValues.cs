using System.Reflection;
using System.Runtime.Serialization;

namespace CommsLedger.Client.Tests.Support;

/// <summary>Kiota gives each schema's enum its own C# type (<c>InteractionKind</c> read, <c>InteractionFile_kind</c>
/// written); an integrator carries a value from one to the other by its wire value, as here.</summary>
public static class WireValues
{
    public static string Of(Enum value) =>
        value.GetType().GetField(value.ToString())!.GetCustomAttribute<EnumMemberAttribute>()!.Value!;

    public static TTarget As<TTarget>(Enum value)
        where TTarget : struct, Enum
    {
        var wire = Of(value);
        foreach (var field in typeof(TTarget).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetCustomAttribute<EnumMemberAttribute>()?.Value == wire)
            {
                return (TTarget)field.GetValue(null)!;
            }
        }

        throw new ArgumentException($"'{wire}' is not a value of {typeof(TTarget).Name}");
    }
}
