using System.Globalization;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting.Documents;
using CsvHelper;

namespace CommsLedger.Reporting.Rendering;

/// <summary>One table whatever the report: <c>section,row,marking,column,value</c> ("long" form), so every section
/// fits one schema and a spreadsheet can pivot it. Section "report" carries the banner, the header and the
/// generated line first.</summary>
internal static partial class CsvReport
{
    [CsvRecord]
    public sealed partial record Cell(string Section, int Row, string Marking, string Column, string Value);

    public static string Render(ReportDocument document, Generation generation)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" }, true))
        {
            csv.WriteRecords(Cells(document, generation));
            csv.Flush();
        }

        return text.ToString();
    }

    private static IEnumerable<Cell> Cells(ReportDocument document, Generation generation)
    {
        var banner = document.Banner.Display();
        yield return new Cell("report", 0, banner, "banner", banner);
        yield return new Cell("report", 0, banner, "title", document.Title);
        foreach (var line in document.Header)
        {
            yield return new Cell("report", 0, banner, line.Label, line.Value);
        }

        yield return new Cell("report", 0, banner, "generated", generation.Line());
        foreach (var section in document.Sections)
        {
            for (var row = 0; row < section.Rows.Count; row++)
            {
                var cells = section.Rows[row];
                for (var column = 0; column < section.Columns.Count; column++)
                {
                    yield return new Cell(section.Title, row + 1, cells.Marking.Display(), section.Columns[column], cells.Cells[column]);
                }
            }
        }
    }
}
