using System.Globalization;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Cli.Reviewing;
using CommsLedger.Domain.Pledges;
using CommsLedger.Projections.TimeTravel;
using Spectre.Console;

namespace CommsLedger.Cli.Rendering;

/// <summary>A relationship ledger as a person reads it: headline, pledges by each side, open follow-ups.</summary>
public static class RelationshipTable
{
    public static void Write(IAnsiConsole console, RelationshipPrintout printout, DateOnly today, AsOf? asOf = null)
    {
        var view = printout.Relationship;
        var when = asOf is { IsNow: false } ? Markup.Escape(asOf.ToString()) : "as of " + Date(today);
        console.Write(new Rule($"[bold]{view.Key}[/] relationship ledger ({when})").LeftJustified());
        console.MarkupLineInterpolated(
            $"Interactions: {view.InteractionCount}   First contact: {Date(view.FirstContact)}   Last contact: {Date(view.LastContact)}");
        foreach (var side in view.Sides)
        {
            var statuses = side.ByStatus.Count == 0 ? "none" : string.Join(", ", side.ByStatus.Select(s => $"{s.Value} {s.Key}"));
            var reaffirmed = side.Reaffirmed == 0 ? "" : $", {side.Reaffirmed} reaffirmed";
            console.MarkupLineInterpolated($"Pledges by {side.Party}: {side.Pledges} ({statuses}){reaffirmed}");
        }

        console.MarkupLineInterpolated($"Topics: {(view.Topics.Count == 0 ? "none" : string.Join(", ", view.Topics))}");
        console.Write(Pledges(printout));
        More(console, "pledges", printout.Pledges.Next);
        console.Write(Statements(view));
        console.Write(FollowUps(printout));
        More(console, "follow-ups", printout.OpenFollowUps.Next);
    }

    /// <summary>Lists are shown a page at a time: say when there is more than the page.</summary>
    private static void More(IAnsiConsole console, string what, string? next)
    {
        if (next is not null)
        {
            console.MarkupLineInterpolated($"[dim]More {what} than shown: raise --limit, or page through them in the API.[/]");
        }
    }

    private static Table Pledges(RelationshipPrintout printout)
    {
        var table = new Table().Title("Pledges").Expand()
            .AddColumn("By").AddColumn("To").AddColumn("Kind").AddColumn("Commitment").AddColumn("Due").AddColumn("Status").AddColumn("Id");
        foreach (var p in printout.Pledges.Items)
        {
            table.AddRow(
                Markup.Escape(p.By), Markup.Escape(p.To ?? "(general)"), p.Kind.ToString().ToLowerInvariant(),
                Markup.Escape(p.Text), Date(p.Due), PledgeDecisions.Describe(p.Status), p.PledgeId.ToString()[..8]);
        }

        return table;
    }

    /// <summary>The statements of the latest contacts (the most recent 30), corrections applied.</summary>
    private static Table Statements(RelationshipView view)
    {
        var table = new Table().Title("Statements (latest)").Expand().AddColumn("Date").AddColumn("Speaker").AddColumn("Statement");
        foreach (var s in view.Statements.Take(30))
        {
            table.AddRow(Date(s.OccurredOn), Markup.Escape($"{s.Speaker} ({s.Country})"), Markup.Escape(s.Text));
        }

        return table;
    }

    private static Table FollowUps(RelationshipPrintout printout)
    {
        var table = new Table().Title("Open follow-ups").Expand()
            .AddColumn("Due").AddColumn("Action").AddColumn("Owner").AddColumn("");
        foreach (var f in printout.OpenFollowUps.Items)
        {
            table.AddRow(Date(f.Due), Markup.Escape(f.Action), Markup.Escape(f.Owner), f.Overdue ? "[red]overdue[/]" : "");
        }

        return table;
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
