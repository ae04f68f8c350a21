using CommsLedger.Cli.Rendering;
using CommsLedger.Ingest;
using Spectre.Console;

namespace CommsLedger.Cli.Ingesting;

internal static class ReadoutTable
{
    public static void Write(IAnsiConsole console, ReadoutDraft draft)
    {
        console.Write(new Rule($"Draft from readout: {draft.Channel} on {Cells.Date(draft.DateOfInteraction)} ({string.Join("-", draft.Relationship)})").LeftJustified());
        console.Write(Cells.Table(draft.Participants.Select(p => new { p.Name, Title = p.Title ?? "", Country = p.Country ?? "?" }).ToArray()));
        console.Write(Cells.Table(draft.Commitments.Select(c => new { c.By, To = c.To ?? "(general)", c.Kind, Due = Cells.Date(c.Due), c.Text }).ToArray()));
        console.Write(Cells.Table(draft.FollowUps.Select(f => new { f.What, When = Cells.Date(f.When) }).ToArray()));
        console.MarkupLineInterpolated($"{draft.Statements.Count} statements; topics: {string.Join(", ", draft.Topics)}");
        foreach (var warning in draft.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]check:[/] {warning}");
        }
    }
}
