using CommsLedger.Application.Reports.Position;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Reports;

/// <summary>What every report says about itself: its kind, the parameters it was built with, the clearance it was
/// built for and the ledger position it was built from. Nothing here depends on when or how it was generated.</summary>
public sealed record ReportHeader(string Kind, string Title, IReadOnlyList<ReportParameter> Parameters, Classification Clearance, LedgerPosition Position);

public sealed record ReportParameter(string Name, string Value);

/// <summary>A built report: its header and its typed content. <see cref="Banner"/> is the highest portion marking
/// the content holds (UNCLASSIFIED when it holds nothing marked higher).</summary>
public interface IReport
{
    ReportHeader Header { get; }

    Classification Banner { get; }
}
