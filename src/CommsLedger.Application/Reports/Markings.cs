using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Reports;

internal static class Markings
{
    /// <summary>The highest of the markings; UNCLASSIFIED for none.</summary>
    public static Classification Highest(IEnumerable<Classification> markings) =>
        markings.DefaultIfEmpty(Classification.Unclassified).Max();
}
