using CommsLedger.Application.Relationships.Listing;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

/// <summary>Every relationship in the ledger with its headline counts.</summary>
public sealed class RelationshipsCommand(IAnsiConsole console) : AsyncCommand<OutputSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, OutputSettings settings, CancellationToken cancellationToken)
    {
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var views = await ledger.Mediator.Send(new ListRelationships(Ledger.Today), cancellationToken);
        var rows = views.Select(v => new RelationshipRow(
            v.Key,
            v.InteractionCount,
            Cells.Date(v.LastContact),
            v.Pledges.Count,
            v.Pledges.Count(p => p.Status == Domain.Pledges.PledgeStatus.Open),
            v.OpenFollowUps.Count,
            v.OverdueFollowUps)).ToArray();
        Output.Write(console, settings.Format, views, (c, _) => c.Write(Cells.Table(rows)), _ => rows);
        return ExitCodes.Ok;
    }
}

[CsvHelper.CsvRecord]
public sealed partial record RelationshipRow(string Relationship, int Interactions, string LastContact, int Pledges, int Open, int OpenFollowUps, int Overdue);
