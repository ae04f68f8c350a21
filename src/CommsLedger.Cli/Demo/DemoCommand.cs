using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Integrity;
using CommsLedger.Cli.Rendering;
using CommsLedger.Cli.Reviewing;
using CommsLedger.Domain.Shared;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Demo;

/// <summary>Records the seed China–Peru call (once: its source id makes a second run a no-op), prints the CN-PE ledger,
/// and integrates it into the Merkle log under a signed checkpoint (the ledger key is made on first use).</summary>
public sealed class DemoCommand(IAnsiConsole console) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        try
        {
            var record = await ledger.Mediator.Send(new LogInteraction(SeedCall.Draft()), cancellationToken);
            console.MarkupLineInterpolated($"Recorded the {record.Occurred.Date:yyyy-MM-dd} call as interaction {record.Id} with {record.Statements.Count} statements and {record.Commitments.Count} commitments.");
        }
        catch (AlreadyRecorded duplicate)
        {
            console.MarkupLineInterpolated($"The seed call is already in the ledger as interaction {duplicate.ExistingId}; nothing appended.");
        }

        RelationshipTable.Write(console, await RelationshipCommand.Read(ledger.Mediator, "CN-PE", null, PageRequest.DefaultLimit, cancellationToken), Ledger.Today);
        await SignAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    // The seed call goes into the Merkle log under a signed checkpoint at once, so `verify` passes on a first ledger.
    private async Task SignAsync(CancellationToken cancellationToken)
    {
        using var key = SigningKey.OpenOrCreate(null, console);
        await using var log = await LogDatabase.OpenAsync(cancellationToken);
        await log.EnsureLogTablesAsync(cancellationToken);
        var signed = await IntegrateCommand.IntegrateAsync(log, key, ClockTolerance.From(null), cancellationToken);
        console.MarkupLineInterpolated($"The Merkle log holds {signed.TreeSize} events under a checkpoint signed by key {signed.KeyId}: commsledger verify checks it.");
    }
}
