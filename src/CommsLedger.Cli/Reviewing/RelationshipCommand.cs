using System.ComponentModel;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

public sealed class RelationshipSettings : TimeTravelSettings
{
    [CommandArgument(0, "<KEY>")]
    [Description("The pair of parties, e.g. CN-PE (order and case do not matter).")]
    public string Key { get; init; } = "";
}

/// <summary>Prints one relationship ledger from the store.</summary>
public sealed class RelationshipCommand(IAnsiConsole console) : AsyncCommand<RelationshipSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RelationshipSettings settings, CancellationToken cancellationToken)
    {
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var asOf = settings.ToAsOf();
        var view = await ledger.Mediator.Send(new GetRelationship(settings.Key, Ledger.Today, asOf), cancellationToken);
        Output.Write(console, settings.Format, view, (c, v) => RelationshipTable.Write(c, v, Ledger.Today, asOf), v => v.Pledges.Select(p => new PledgeRow(p.PledgeId, p.By, p.To ?? "(general)", p.Kind.ToString().ToLowerInvariant(), p.Text, Cells.Date(p.Due), Domain.Pledges.PledgeDecisions.Describe(p.Status), "", 0)));
        return ExitCodes.Ok;
    }
}
