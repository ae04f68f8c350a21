using CommsLedger.Domain.Shared;

namespace CommsLedger.Reporting.Documents;

public static class PortionMarks
{
    /// <summary>The portion mark put before each item: (U), (C), (S), (TS).</summary>
    public static string Of(Classification marking) => marking switch
    {
        Classification.Unclassified => "(U)",
        Classification.Confidential => "(C)",
        Classification.Secret => "(S)",
        _ => "(TS)",
    };
}
