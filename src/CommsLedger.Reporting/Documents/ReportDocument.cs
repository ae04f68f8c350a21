using CommsLedger.Domain.Shared;

namespace CommsLedger.Reporting.Documents;

/// <summary>A report laid out for people: a banner with its highest marking, a header (parameters, clearance,
/// position), then sections of portion-marked rows. Markdown, HTML, PDF and CSV are renderings of this.</summary>
public sealed record ReportDocument(string Title, Classification Banner, IReadOnlyList<HeaderLine> Header, IReadOnlyList<ReportSection> Sections);

public sealed record HeaderLine(string Label, string Value);

/// <summary>A titled table. <see cref="Empty"/> is said when it has no rows; <see cref="Chart"/>, when set, is drawn
/// above the table from the same numbers.</summary>
public sealed record ReportSection(string Title, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows, string Empty = "None.", string? Note = null, ChartData? Chart = null);

/// <summary>One portion of the report, with its own marking.</summary>
public sealed record ReportRow(Classification Marking, IReadOnlyList<string> Cells);

/// <summary>Bars per category (e.g. a month) for each series (e.g. interactions, commitments).</summary>
public sealed record ChartData(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
