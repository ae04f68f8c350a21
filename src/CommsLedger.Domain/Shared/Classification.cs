namespace CommsLedger.Domain.Shared;

/// <summary>Portion marking, lowest to highest. The order is the clearance order.</summary>
public enum Classification
{
    Unclassified = 0,
    Confidential = 1,
    Secret = 2,
    TopSecret = 3,
}

public static class ClassificationNames
{
    public static string Display(this Classification classification) => classification switch
    {
        Classification.TopSecret => "TOP SECRET",
        _ => classification.ToString().ToUpperInvariant(),
    };

    public static bool TryParse(string? text, out Classification classification)
    {
        var normalised = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        classification = default;
        return EnumText.IsName<Classification>(normalised)
            && Enum.TryParse(normalised, ignoreCase: true, out classification);
    }
}
