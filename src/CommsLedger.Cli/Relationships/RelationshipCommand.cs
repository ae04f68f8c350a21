using System.ComponentModel;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Relationships;

public sealed class RelationshipSettings : CommandSettings
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
        var view = await ledger.Mediator.Send(new GetRelationship(settings.Key, Ledger.Today), cancellationToken);
        RelationshipTable.Write(console, view, Ledger.Today);
        return ExitCodes.Ok;
    }
}
