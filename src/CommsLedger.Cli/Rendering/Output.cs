using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommsLedger.Application.Wire;
using CsvHelper;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Rendering;

public enum OutputFormat
{
    Table,
    Json,
    Csv,
}

/// <summary>Settings shared by every command that prints results: tables for people, JSON or CSV for machines.</summary>
public class OutputSettings : CommandSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("table (default), json or csv.")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Format { get; init; } = OutputFormat.Table;
}

public static class Output
{
    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }.Use();

    /// <summary>Writes machine output to stdout, bypassing Spectre's wrapping so JSON and CSV stay parseable.</summary>
    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    public static void WriteCsv<T>(IEnumerable<T> rows)
    {
        using var csv = CsvWriter.Create(Console.Out, CsvWriterOptions.Default with { FormatProvider = CultureInfo.InvariantCulture }, true);
        csv.WriteRecords(rows);
        csv.Flush();
    }

    /// <summary>Prints <paramref name="value"/> in the chosen format: <paramref name="table"/> for people,
    /// JSON of the whole value, or CSV of <paramref name="csvRows"/>.</summary>
    public static void Write<T, TRow>(IAnsiConsole console, OutputFormat format, T value, Action<IAnsiConsole, T> table, Func<T, IEnumerable<TRow>> csvRows)
    {
        switch (format)
        {
            case OutputFormat.Json: WriteJson(value); break;
            case OutputFormat.Csv: WriteCsv(csvRows(value)); break;
            default: table(console, value); break;
        }
    }
}
