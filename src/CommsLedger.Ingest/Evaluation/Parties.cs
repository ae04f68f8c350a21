namespace CommsLedger.Ingest.Evaluation;

/// <summary>Joint parties are codes joined by "+" in any order; "ALL" stands for every participant.</summary>
internal static class Parties
{
    public static IReadOnlySet<string> Split(string by, IReadOnlyCollection<string> participants) =>
        by == "ALL"
            ? participants.ToHashSet(StringComparer.Ordinal)
            : by.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
