using System.Globalization;
using System.Reflection;
using Spectre.Console;

namespace CommsLedger.Cli.Rendering;

public static class Cells
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A table whose columns are the public properties of the row type, in declaration order:
    /// the same rows then serve the CSV output, so the two never disagree.</summary>
    public static Table Table<T>(IReadOnlyList<T> rows)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var table = new Table().Expand();
        foreach (var property in properties)
        {
            table.AddColumn(property.Name);
        }

        foreach (var row in rows)
        {
            table.AddRow(properties.Select(p => Markup.Escape(Convert.ToString(p.GetValue(row), CultureInfo.InvariantCulture) ?? "")).ToArray());
        }

        return table;
    }
}
