using System.Text.RegularExpressions;
using CommsLedger.Reporting.Documents;
using ScottPlot;

namespace CommsLedger.Reporting.Rendering;

/// <summary>Grouped bars (one group per category, one bar per series) drawn by ScottPlot 5 as SVG, for embedding
/// inline in the HTML. Only the numbers given are drawn: the caller has already left out what the reader may not see.</summary>
internal static partial class ActivityChart
{
    private static readonly string[] Palette = ["#1d70b8", "#f47738", "#00703c", "#912b88"];

    public static string Svg(ChartData chart, int width = 900, int height = 360)
    {
        var plot = new Plot();
        var groupWidth = 0.8;
        var barWidth = groupWidth / Math.Max(1, chart.Series.Count);
        var bars = new List<Bar>();
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = Color.FromHex(Palette[s % Palette.Length]);
            for (var c = 0; c < chart.Categories.Count; c++)
            {
                bars.Add(new Bar
                {
                    Position = c - (groupWidth / 2) + (barWidth * (s + 0.5)),
                    Value = chart.Series[s].Values[c],
                    Size = barWidth * 0.9,
                    FillColor = color,
                    LineWidth = 0,
                });
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Series[s].Name, FillColor = color });
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, chart.Categories.Count).Select(i => (double)i)], [.. chart.Categories]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = chart.Categories.Count > 12 ? 45 : 0;
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("count");
        plot.Title(chart.Title);
        plot.ShowLegend(Alignment.UpperLeft);
        var svg = plot.GetSvgXml(width, height);
        // The XML declaration is not allowed inside an HTML document; the <svg> element is.
        return Renumbered(XmlDeclaration().Replace(svg, "").Trim());
    }

    /// <summary>ScottPlot numbers its clip paths from a process-wide counter; numbered by order of appearance instead,
    /// the same chart is the same text in every build (reports rebuild byte for byte).</summary>
    private static string Renumbered(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, match =>
        {
            if (!ids.TryGetValue(match.Value, out var id))
            {
                id = $"chart-clip-{ids.Count + 1}";
                ids[match.Value] = id;
            }

            return id;
        });
    }

    [GeneratedRegex(@"\bcl_[0-9A-Za-z]+\b")]
    private static partial Regex ClipId();

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();
}
