using System.ComponentModel;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

public sealed class InteractionSettings : OutputSettings
{
    [CommandArgument(0, "<INTERACTION_ID>")]
    [Description("The interaction id (a GUID).")]
    public string InteractionId { get; init; } = "";
}

/// <summary>One interaction as it now stands, corrections applied and listed.</summary>
public sealed class InteractionCommand(IAnsiConsole console) : AsyncCommand<InteractionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, InteractionSettings settings, CancellationToken cancellationToken)
    {
        var id = Ids.Parse(settings.InteractionId, "interactionId");
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var record = await ledger.Mediator.Send(new GetInteraction(id), cancellationToken);
        Output.Write(console, settings.Format, record, Table, r => r.Statements.Select(s => new StatementRow(s.StatementId, s.Speaker, s.Country, s.Text, string.Join("; ", s.Topics), s.RetractionReason ?? "")));
        return ExitCodes.Ok;
    }

    private static void Table(IAnsiConsole console, InteractionRecord r)
    {
        console.Write(new Rule($"Interaction {r.Id} (version {r.Version}){(r.Retracted ? " [red]RETRACTED[/]" : "")}").LeftJustified());
        console.MarkupLineInterpolated($"{r.Kind} on {r.Occurred} — {r.Classification.Display()} — recorded {Cells.Instant(r.RecordedAt)} by {r.RecordedBy}");
        console.MarkupLineInterpolated($"Participants: {string.Join("; ", r.Participants.Select(p => $"{p.Name}, {p.Title} ({p.Country})"))}");
        console.MarkupLineInterpolated($"Summary: {r.Summary}");
        if (r.Source is { } source)
        {
            console.MarkupLineInterpolated($"Source: {source.SourceId} {source.Url} sha256:{source.TextSha256}");
        }

        console.Write(Cells.Table(r.Statements.Select(s => new { Id = s.StatementId.ToString()[..8], s.Speaker, s.Country, s.Text, Retracted = s.RetractionReason ?? "" }).ToArray()));
        console.Write(Cells.Table(r.Commitments.Select(c => new { c.PledgeId, c.By, To = c.To ?? "(general)", c.Text }).ToArray()));
        foreach (var c in r.Corrections)
        {
            console.MarkupLineInterpolated($"[yellow]corrected[/] {c.Field} of {c.EntryId}: '{c.Was}' → '{c.Now}' by {c.RecordedBy} at {Cells.Instant(c.RecordedAt)} ({c.Reason})");
        }
    }
}

[CsvHelper.CsvRecord]
public sealed partial record StatementRow(Guid StatementId, string Speaker, string Country, string Text, string Topics, string Retracted);
