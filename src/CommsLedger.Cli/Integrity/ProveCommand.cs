using System.ComponentModel;
using System.Text;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Reviewing;
using CommsLedger.Integrity.Proving;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Integrity;

public sealed class ProveSettings : CommandSettings
{
    [CommandArgument(0, "<EVENT_ID>")]
    [Description("The event's id (mt_events.id, a GUID).")]
    public string EventId { get; init; } = "";

    [CommandOption("--out <FILE>")]
    [Description("Write the proof to this file. Default: stdout.")]
    public string? Out { get; init; }
}

/// <summary>Writes the inclusion proof of one event against the latest signed checkpoint: the event, its audit path
/// and the checkpoint, checkable offline with verify-proof.</summary>
public sealed class ProveCommand(IAnsiConsole console) : AsyncCommand<ProveSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ProveSettings settings, CancellationToken cancellationToken)
    {
        var eventId = Ids.Parse(settings.EventId, "eventId");
        await using var database = await LogDatabase.OpenAsync(cancellationToken);
        await database.RequireLogAsync(cancellationToken);
        var proof = await new InclusionProver(database.DataSource, LogDatabase.Schema).ProveAsync(eventId, cancellationToken);

        // Written raw: a proof must be its canonical JSON byte for byte, or it will not check.
        if (settings.Out is null)
        {
            Console.Out.Write(proof.ToJson());
            return ExitCodes.Ok;
        }

        Write(settings.Out, proof.ToJson());
        console.MarkupLineInterpolated($"Wrote the proof of event {eventId} (sequence {proof.Event.Sequence}, leaf {proof.LeafIndex} of {proof.TreeSize}, checkpoint key {proof.Checkpoint.KeyId}) to {settings.Out}.");
        console.MarkupLineInterpolated($"Anyone can check it offline: commsledger verify-proof {settings.Out} --key ledger-public.pem");
        return ExitCodes.Ok;
    }

    private static void Write(string path, string json)
    {
        try
        {
            File.WriteAllText(path, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw InputFiles.Rejected("--out", $"cannot write {path}: {e.Message}");
        }
    }
}
