using System.ComponentModel;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Integrity.Checkpoints;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Integrity;

public sealed class KeyFileSettings : ResultSettings
{
    [CommandOption("--path <FILE>")]
    [Description("The private key file. Default: $COMMSLEDGER_LEDGER_KEY, else ~/.config/commsledger/ledger-key.pem.")]
    public string? Path { get; init; }

    public string KeyPath => Path ?? LedgerKey.DefaultPath();
}

public sealed record KeyView(string Path, string KeyId, string? PublicKeyPem = null);

/// <summary>Makes the ledger's signing key. Never replaces one: checkpoints it signed verify only with its public half.</summary>
public sealed class GenerateKeyCommand(IAnsiConsole console) : Command<KeyFileSettings>
{
    public override int Execute(CommandContext context, KeyFileSettings settings, CancellationToken cancellationToken)
    {
        var path = settings.KeyPath;
        var refused = $"a ledger key already exists at {path}; it is never overwritten (checkpoints it signed verify only with its public key)";
        if (File.Exists(path))
        {
            throw InputFiles.Rejected("--path", refused);
        }

        using var key = LedgerKey.Generate();
        try
        {
            key.Save(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputFiles.Rejected("--path", File.Exists(path) ? refused : $"cannot write {path}: {e.Message}");
        }

        if (settings.Format == OutputFormat.Json)
        {
            Output.WriteJson(new KeyView(path, key.KeyId));
            return ExitCodes.Ok;
        }

        console.MarkupLineInterpolated($"Generated ledger key [bold]{key.KeyId}[/] at {path} (readable by you only).");
        console.MarkupLine("Back it up like any secret. Give reviewers its public half: commsledger key export-public > ledger-public.pem");
        return ExitCodes.Ok;
    }
}

/// <summary>Prints the public half of the ledger key, the file reviewers keep. The PEM alone goes to stdout so it
/// can be redirected to a file; the key id goes to stderr.</summary>
public sealed class ExportPublicKeyCommand : Command<KeyFileSettings>
{
    public override int Execute(CommandContext context, KeyFileSettings settings, CancellationToken cancellationToken)
    {
        var path = settings.KeyPath;
        using var key = InputFiles.PrivateKey(path, "--path");
        if (settings.Format == OutputFormat.Json)
        {
            Output.WriteJson(new KeyView(path, key.KeyId, key.ExportPublicKeyPem()));
            return ExitCodes.Ok;
        }

        Console.Out.Write(key.ExportPublicKeyPem());
        Console.Error.WriteLine($"key id: {key.KeyId} (public half of {path})");
        return ExitCodes.Ok;
    }
}
