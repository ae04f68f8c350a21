using Spectre.Console.Cli;

namespace CommsLedger.Cli.Integrity;

/// <summary>The reviewers' proof commands: verify, checkpoint, prove, verify-proof, key, integrate, guard.</summary>
public static class IntegrityCommands
{
    public static IConfigurator AddIntegrityCommands(this IConfigurator config)
    {
        config.AddBranch("key", key =>
        {
            key.SetDescription("The ledger's signing key (ECDSA P-256): only the integrator needs the private half; reviewers keep the public half.");
            key.AddCommand<GenerateKeyCommand>("generate")
                .WithDescription("Make the ledger's signing key (mode 0600). Never overwrites an existing key.")
                .WithExample("key", "generate")
                .WithExample("key", "generate", "--path", "/etc/commsledger/ledger-key.pem");
            key.AddCommand<ExportPublicKeyCommand>("export-public")
                .WithDescription("Print the public key as PEM (key id on stderr): the file reviewers keep.")
                .WithExample("key", "export-public")
                .WithExample("key", "export-public", "--format", "json");
        });
        config.AddCommand<IntegrateCommand>("integrate")
            .WithDescription("Catch the Merkle log up with the events and sign a checkpoint now (run it on a schedule).")
            .WithExample("integrate")
            .WithExample("integrate", "--key", "/etc/commsledger/ledger-key.pem", "--format", "json");
        config.AddBranch("checkpoint", checkpoint =>
        {
            checkpoint.SetDescription("Signed checkpoints: the log's size and root, to keep outside the ledger.");
            checkpoint.AddCommand<CheckpointExportCommand>("export")
                .WithDescription("Print the latest signed checkpoint (six lines) to keep outside the ledger.")
                .WithExample("checkpoint", "export");
        });
        config.AddCommand<VerifyCommand>("verify")
            .WithDescription("Rebuild every leaf and root from the events and check the log and every signed checkpoint. Exit 0 intact, 2 not.")
            .WithExample("verify", "--key", "ledger-public.pem")
            .WithExample("verify", "--against", "checkpoint-2026-01-31.txt", "--key", "ledger-public.pem");
        config.AddCommand<ProveCommand>("prove")
            .WithDescription("Write the inclusion proof of one event (event, audit path, signed checkpoint) as JSON.")
            .WithExample("prove", "9a5c2f4e-0000-0000-0000-000000000000", "--out", "proof.json");
        config.AddCommand<VerifyProofCommand>("verify-proof")
            .WithDescription("Check a proof offline, with no database: exit 0 valid, 2 invalid with the reason.")
            .WithExample("verify-proof", "proof.json", "--key", "ledger-public.pem");
        config.AddBranch("guard", guard =>
        {
            guard.SetDescription("Make PostgreSQL itself refuse to rewrite history.");
            guard.AddCommand<GuardInstallCommand>("install")
                .WithDescription("As a superuser: create the owner and app roles (passwords generated and kept 0600 unless given), apply the schema as owner, install the append-only triggers and grants. Upgrades a ledger set up before protection was the default. Idempotent.")
                .WithExample("guard", "install");
        });
        return config;
    }
}
