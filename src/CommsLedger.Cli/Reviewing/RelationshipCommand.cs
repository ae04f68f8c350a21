using System.ComponentModel;
using CommsLedger.Application.Relationships.FollowUps;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Pledges;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using Mediator;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

public sealed class RelationshipSettings : TimeTravelSettings
{
    [CommandArgument(0, "<KEY>")]
    [Description("The pair of parties, e.g. CN-PE (order and case do not matter).")]
    public string Key { get; init; } = "";

    [CommandOption("--limit <N>")]
    [Description("Pledges and follow-ups shown (the newest pledges, the soonest due follow-ups; default 50, at most 1000).")]
    [DefaultValue(PageRequest.DefaultLimit)]
    public int Limit { get; init; } = PageRequest.DefaultLimit;
}

/// <summary>A relationship's counts with the first page of its pledges and open follow-ups; the next pages' cursors ride along.</summary>
public sealed record RelationshipPrintout(RelationshipView Relationship, Page<PledgeLineView> Pledges, Page<FollowUpLineView> OpenFollowUps);

/// <summary>Prints one relationship ledger from the store.</summary>
public sealed class RelationshipCommand(IAnsiConsole console) : AsyncCommand<RelationshipSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RelationshipSettings settings, CancellationToken cancellationToken)
    {
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var asOf = settings.ToAsOf();
        var printout = await Read(ledger.Mediator, settings.Key, asOf, settings.Limit, cancellationToken);
        Output.Write(console, settings.Format, printout, (c, v) => RelationshipTable.Write(c, v, Ledger.Today, asOf),
            v => v.Pledges.Items.Select(p => new PledgeRow(p.PledgeId, p.By, p.To ?? "(general)", p.Kind.ToString().ToLowerInvariant(), p.Text, Cells.Date(p.Due), Domain.Pledges.PledgeDecisions.Describe(p.Status), "", 0)));
        return ExitCodes.Ok;
    }

    public static async Task<RelationshipPrintout> Read(IMediator mediator, string key, Projections.TimeTravel.AsOf? asOf, int limit, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetRelationship(key, Ledger.Today, asOf), cancellationToken);
        var pledges = await mediator.Send(new ListRelationshipPledges(view.Key, null, new PageRequest(limit), asOf), cancellationToken);
        var followUps = await mediator.Send(new ListRelationshipFollowUps(view.Key, Ledger.Today, false, new PageRequest(limit), asOf), cancellationToken);
        return new RelationshipPrintout(view, pledges, followUps);
    }
}
