using System.Text.Encodings.Web;
using System.Text.Json;
using CommsLedger.Application.Reports;
using CommsLedger.Application.Wire;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting.Documents;

namespace CommsLedger.Reporting.Rendering;

/// <summary>The typed report (header, banner, every portion with its marking), plus the generated line, indented so
/// that line stands alone.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.Use();

    public sealed record Envelope(string Banner, string Generated, object Report);

    public static string Render(IReport report, Generation generation) =>
        JsonSerializer.Serialize(new Envelope(report.Banner.Display(), generation.Line(), report), Options) + "\n";
}
