using System.ComponentModel;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Integrity.Proving;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Integrity;

public sealed class VerifyProofSettings : ResultSettings
{
    [CommandArgument(0, "<PROOF_FILE>")]
    [Description("A proof written by commsledger prove.")]
    public string Proof { get; init; } = "";

    [CommandOption("--key <PUBLIC_KEY_PEM>")]
    [Description("The ledger public key you trust (required).")]
    public string? Key { get; init; }

    public override ValidationResult Validate() =>
        Key is null
            ? ValidationResult.Error("--key is required: the ledger public key you trust (commsledger key export-public > ledger-public.pem)")
            : base.Validate();
}

public sealed record ProofCheckView(bool Valid, string Reason, Guid? EventId, long? Sequence, long? LeafIndex, long? TreeSize, string? KeyId);

/// <summary>Checks a proof file offline: no database, no network, no private key. It never opens the ledger.</summary>
public sealed class VerifyProofCommand(IAnsiConsole console) : Command<VerifyProofSettings>
{
    public override int Execute(CommandContext context, VerifyProofSettings settings, CancellationToken cancellationToken)
    {
        var check = OfflineProofCheck.Verify(InputFiles.Text(settings.Proof, "proof"), InputFiles.Text(settings.Key!, "--key"));
        var proof = check.Proof;
        if (settings.Format == OutputFormat.Json)
        {
            Output.WriteJson(new ProofCheckView(check.IsValid, check.Reason, proof?.Event.EventId, proof?.Event.Sequence, proof?.LeafIndex, proof?.TreeSize, proof?.Checkpoint.KeyId));
        }
        else
        {
            console.MarkupLineInterpolated($"{(check.IsValid ? "Valid" : "INVALID")}: {check.Reason}");
        }

        return check.IsValid ? ExitCodes.Ok : ExitCodes.Validation;
    }
}
