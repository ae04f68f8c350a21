namespace CommsLedger.Ingest.Commitments;

/// <summary>A commitment made together has <c>by</c> "GB+IT": the parties' codes, sorted, joined with "+".</summary>
public static class JointParties
{
    public const char Separator = '+';

    public static string Join(IEnumerable<string> codes) => string.Join(Separator, codes.Distinct().Order(StringComparer.Ordinal));

    public static IReadOnlyList<string> Split(string by) => by.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
