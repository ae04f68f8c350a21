using System.ComponentModel;
using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Corrections.Retracting;
using CommsLedger.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Recording;

/// <summary><c>correct|retract interaction|statement|pledge</c>: the target kind is the command's registered data.
/// A statement lives in its interaction's stream: give the interaction id and --statement.</summary>
public class EntrySettings : ChangeSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The interaction or pledge (for a statement: its interaction).")]
    public string Id { get; init; } = "";

    [CommandOption("--statement <STATEMENT_ID>")]
    [Description("The statement, when correcting or retracting one.")]
    public string? StatementId { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("Why (required; kept in the log with who and when).")]
    public string Reason { get; init; } = "";

    internal (EntryKind Target, Guid Id, Guid? StatementId) Entry(CommandContext context) =>
        ((EntryKind)context.Data!, Arguments.Id(Id, "id"), StatementId is null ? null : Arguments.Id(StatementId, "statement"));
}

public sealed class CorrectSettings : EntrySettings
{
    [CommandOption("--field <FIELD>")]
    [Description("interaction: summary, kind, occurred_on; statement: text, speaker, topics; pledge: text, topic, kind, due, status.")]
    public string Field { get; init; } = "";

    [CommandOption("--now <VALUE>")]
    [Description("The right value.")]
    public string Now { get; init; } = "";
}

public sealed class CorrectCommand(IAnsiConsole console) : AsyncCommand<CorrectSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CorrectSettings settings, CancellationToken cancellationToken)
    {
        var (target, id, statementId) = settings.Entry(context);
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var changed = await ledger.Mediator.Send(
            new CorrectEntry(target, id, statementId, settings.ExpectedVersion, settings.Field, settings.Now, settings.Reason), cancellationToken);
        await ChangedOutput.WriteAsync(console, ledger, settings.Format, target == EntryKind.Pledge ? "Pledge" : "Interaction", changed);
        return ExitCodes.Ok;
    }
}

public sealed class RetractCommand(IAnsiConsole console) : AsyncCommand<EntrySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EntrySettings settings, CancellationToken cancellationToken)
    {
        var (target, id, statementId) = settings.Entry(context);
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var changed = await ledger.Mediator.Send(new RetractEntry(target, id, statementId, settings.ExpectedVersion, settings.Reason), cancellationToken);
        await ChangedOutput.WriteAsync(console, ledger, settings.Format, target == EntryKind.Pledge ? "Pledge" : "Interaction", changed);
        return ExitCodes.Ok;
    }
}
