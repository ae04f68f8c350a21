using CommsLedger.Domain.Shared;
using CommsLedger.EmbeddedPostgres;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Hosting;

/// <summary>The one place where errors become messages and exit codes:
/// 0 ok, 1 usage, 2 validation or rule, 3 conflict or duplicate, 4 storage.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int Validation = 2;
    public const int Conflict = 3;
    public const int Storage = 4;

    /// <summary>Errors go to standard error, so `commsledger prove … > proof.json` never writes one into the file.</summary>
    public static readonly IAnsiConsole ErrorConsole = CreateErrorConsole();

    private static IAnsiConsole CreateErrorConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    public static int Report(Exception exception, IAnsiConsole console)
    {
        var (code, message) = exception switch
        {
            CommandRejected rejected => (Validation, "rejected, nothing recorded:\n  " + string.Join("\n  ", rejected.Errors)),
            LedgerRuleViolated rule => (Validation, $"refused, nothing recorded: {rule.Message}"),
            EntryNotFound missing => (Validation, missing.Message),
            ClearanceTooLow low => (Validation, $"refused: {low.Message}"),
            VersionConflict conflict => (Conflict, $"conflict, nothing recorded: {conflict.Message}"),
            CommsLedger.Integrity.Proving.ProofUnavailableException unavailable => (Validation, unavailable.Message),
            CommsLedger.Integrity.Integrating.LogTamperedException tampered => (Validation, $"the ledger's log does not match its events: {tampered.Message}"),
            Ingest.ReadoutRejectedException unreadable => (Validation, $"rejected: {unreadable.Message}"),
            AlreadyRecorded duplicate => (Conflict, $"duplicate, nothing recorded: {duplicate.Message}"),
            CommandParseException or CommandRuntimeException => (Usage, exception.Message),
            PostgresBinariesNotFoundException or Application.Topology.SchemaOutOfDate => (Storage, exception.Message),
            NpgsqlException or Marten.Exceptions.MartenCommandException => (Storage, $"storage error: {exception.Message}"),
            _ => (-1, ""),
        };
        if (code < 0)
        {
            return -1;
        }

        console.MarkupLineInterpolated($"[red]error:[/] {message}");
        return code;
    }
}
