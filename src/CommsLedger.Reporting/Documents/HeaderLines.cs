using System.Globalization;
using CommsLedger.Application.Reports;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Reporting.Documents;

internal static class HeaderLines
{
    public static IReadOnlyList<HeaderLine> Of(ReportHeader header) =>
    [
        .. header.Parameters.Select(p => new HeaderLine(p.Name, p.Value)),
        new("clearance of the reader", header.Clearance.Display()),
        new("ledger position", header.Position.LastSequence == 0
            ? "no events included"
            : string.Create(CultureInfo.InvariantCulture, $"events up to sequence {header.Position.LastSequence} (the last one included)")),
        new("signed checkpoint", header.Position.Checkpoint is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"tree size {c.TreeSize}, root {c.RootHash}, key {c.KeyId}, signed {c.SignedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}")
            : "none yet covers this position (commsledger integrate signs one)"),
    ];
}
