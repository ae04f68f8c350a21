using System.Net;
using System.Text;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting.Documents;

namespace CommsLedger.Reporting.Rendering;

/// <summary>One self-contained HTML file: inline CSS, charts as inline SVG, no script, nothing fetched. Prints to PDF
/// as it is (the banner repeats at the top and bottom, tables do not split rows across pages).</summary>
internal static class HtmlReport
{
    private const string Style = """
        @page{size:A4;margin:14mm}
        body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:11pt;color:#0b0c0c;margin:1.5em;line-height:1.35}
        .banner{text-align:center;font-weight:bold;letter-spacing:.08em;padding:.3em;border:2px solid #0b0c0c;margin:0 0 1em}
        .banner.bottom{margin:2em 0 0}
        h1{font-size:1.6em;margin:.2em 0 .6em}h2{font-size:1.2em;margin:1.6em 0 .4em;break-after:avoid}
        table{border-collapse:collapse;width:100%;margin:.4em 0 1em}
        th,td{border:1px solid #b1b4b6;padding:.25em .45em;text-align:left;vertical-align:top}
        th{background:#f3f2f1}tr{break-inside:avoid}
        td.mark{white-space:nowrap;font-weight:bold}
        dl.header{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:0 0 .6em}
        dl.header dt{font-weight:bold}dl.header dd{margin:0;overflow-wrap:anywhere}
        p.generated{color:#505a5f;font-size:.9em}p.note{font-size:.9em}
        figure{margin:.5em 0;break-inside:avoid}span.mark{font-weight:bold}figure svg{max-width:100%;height:auto}
        """;

    public static string Render(ReportDocument document, Generation generation)
    {
        var banner = Encode(document.Banner.Display());
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(banner).Append(" — ").Append(Encode(document.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<div class=\"banner top\" role=\"banner\">").Append(banner).Append("</div>\n");
        html.Append("<h1>").Append(Encode(document.Title)).Append("</h1>\n<dl class=\"header\">\n");
        foreach (var line in document.Header)
        {
            html.Append("<dt>").Append(Encode(line.Label)).Append("</dt><dd>").Append(Encode(line.Value)).Append("</dd>\n");
        }

        html.Append("</dl>\n<p class=\"generated\">").Append(Encode(generation.Line())).Append("</p>\n");
        foreach (var section in document.Sections)
        {
            Section(html, section);
        }

        html.Append("<div class=\"banner bottom\">").Append(banner).Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Section(StringBuilder html, ReportSection section)
    {
        html.Append("<section>\n<h2>").Append(Encode(section.Title)).Append("</h2>\n");
        if (section.Note is { } note)
        {
            html.Append("<p class=\"note\">").Append(Encode(note)).Append("</p>\n");
        }

        if (section.Chart is { } chart && section.Rows.Count > 0)
        {
            // The chart draws the rows' numbers, so it is marked as the highest of them.
            var marking = section.Rows.Max(r => r.Marking);
            html.Append("<figure>\n").Append(ActivityChart.Svg(chart)).Append("\n<figcaption><span class=\"mark\" title=\"").Append(Encode(marking.Display())).Append("\">")
                .Append(PortionMarks.Of(marking)).Append("</span> ").Append(Encode(chart.Title)).Append("</figcaption>\n</figure>\n");
        }

        if (section.Rows.Count == 0)
        {
            html.Append("<p>").Append(Encode(section.Empty)).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th scope=\"col\">marking</th>");
        foreach (var column in section.Columns)
        {
            html.Append("<th scope=\"col\">").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in section.Rows)
        {
            html.Append("<tr><td class=\"mark\" title=\"").Append(Encode(row.Marking.Display())).Append("\">").Append(PortionMarks.Of(row.Marking)).Append("</td>");
            foreach (var cell in row.Cells)
            {
                html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
