using System.Text;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting.Documents;

namespace CommsLedger.Reporting.Rendering;

/// <summary>GitHub-flavoured Markdown: banner first and last, the header as a two-column table, one table per section
/// with each row's portion mark in its first cell.</summary>
internal static class MarkdownReport
{
    public static string Render(ReportDocument document, Generation generation)
    {
        var text = new StringBuilder();
        var banner = $"**{document.Banner.Display()}**";
        text.Append(banner).Append("\n\n");
        text.Append("# ").Append(Escape(document.Title)).Append("\n\n");
        text.Append("| | |\n|---|---|\n");
        foreach (var line in document.Header)
        {
            text.Append("| ").Append(Escape(line.Label)).Append(" | ").Append(Escape(line.Value)).Append(" |\n");
        }

        text.Append('\n').Append(Escape(generation.Line())).Append("\n\n");
        foreach (var section in document.Sections)
        {
            text.Append("## ").Append(Escape(section.Title)).Append("\n\n");
            if (section.Note is { } note)
            {
                text.Append(Escape(note)).Append("\n\n");
            }

            if (section.Rows.Count == 0)
            {
                text.Append(Escape(section.Empty)).Append("\n\n");
                continue;
            }

            text.Append("| marking | ").AppendJoin(" | ", section.Columns.Select(Escape)).Append(" |\n");
            text.Append("|---|").AppendJoin("", section.Columns.Select(_ => "---|")).Append('\n');
            foreach (var row in section.Rows)
            {
                text.Append("| ").Append(PortionMarks.Of(row.Marking)).Append(" | ").AppendJoin(" | ", row.Cells.Select(Escape)).Append(" |\n");
            }

            text.Append('\n');
        }

        text.Append(banner).Append('\n');
        return text.ToString();
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '|' or '*' or '_' or '`' or '<' or '>' or '[' or ']' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
