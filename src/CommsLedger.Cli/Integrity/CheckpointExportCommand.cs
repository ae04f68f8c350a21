using CommsLedger.Cli.Hosting;
using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.Storage;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Integrity;

/// <summary>Prints the latest signed checkpoint exactly as signed, for the reviewer to keep outside the ledger.</summary>
public sealed class CheckpointExportCommand : AsyncCommand<EmptyCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EmptyCommandSettings settings, CancellationToken cancellationToken)
    {
        await using var database = await LogDatabase.OpenAsync(cancellationToken);
        var text = await database.HasLogAsync(cancellationToken)
            ? await StoredCheckpoints.ExportLatestAsync(database.DataSource, LogDatabase.Schema, cancellationToken)
            : null;

        // Written raw: the file must be byte for byte the signed text, or it will not parse back.
        Console.Out.Write(text ?? throw new LedgerRuleViolated("checkpoint", "the ledger has no signed checkpoint yet: run commsledger integrate first"));
        return ExitCodes.Ok;
    }
}
