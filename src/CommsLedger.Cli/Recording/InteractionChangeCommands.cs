using System.ComponentModel;
using CommsLedger.Application.Interactions.AddingCommitments;
using CommsLedger.Application.Interactions.AddingStatements;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Cli.Hosting;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Recording;

public class InteractionChangeSettings : ChangeSettings
{
    [CommandArgument(0, "<INTERACTION_ID>")]
    [Description("The interaction (printed by log).")]
    public string InteractionId { get; init; } = "";
}

public sealed class AddStatementSettings : InteractionChangeSettings
{
    [CommandOption("--speaker <NAME>")]
    [Description("Who said it, as named among the participants.")]
    public string Speaker { get; init; } = "";

    [CommandOption("--country <CODE>")]
    [Description("The speaker's party: ISO 3166-1 alpha-2 code (CN) or organisation code (EU, UNO…).")]
    public string Country { get; init; } = "";

    [CommandOption("--text <TEXT>")]
    [Description("What was said.")]
    public string Text { get; init; } = "";

    [CommandOption("--topic <TOPIC>")]
    [Description("A topic; repeat for several.")]
    public string[] Topics { get; init; } = [];

    [CommandOption("--classification <MARKING>")]
    [Description("UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP SECRET; default: the interaction's.")]
    public string? Classification { get; init; }
}

/// <summary><c>statement add</c>: one more statement on an interaction already logged.</summary>
public sealed class AddStatementCommand(IAnsiConsole console) : AsyncCommand<AddStatementSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AddStatementSettings settings, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var marking = settings.Classification is null ? (Classification?)null : FileNames.Marking(settings.Classification, "classification", errors);
        errors.ThrowIfAny();
        var command = new AddStatement(Arguments.Id(settings.InteractionId, "interactionId"), settings.ExpectedVersion,
            new StatementDraft(settings.Speaker, settings.Country, settings.Text, settings.Topics, marking));
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var changed = await ledger.Mediator.Send(command, cancellationToken);
        await ChangedOutput.WriteAsync(console, ledger, settings.Format, "Interaction", changed, "statement");
        return ExitCodes.Ok;
    }
}

public sealed class AddCommitmentSettings : InteractionChangeSettings
{
    [CommandOption("--by <CODE>")]
    [Description("The party that commits (CN).")]
    public string By { get; init; } = "";

    [CommandOption("--to <CODE>")]
    [Description("The party it commits to; leave out for a general commitment.")]
    public string? To { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("pledge, intent, offer, request or agreement.")]
    public string Kind { get; init; } = "";

    [CommandOption("--text <TEXT>")]
    [Description("The exact clause.")]
    public string Text { get; init; } = "";

    [CommandOption("--topic <TOPIC>")]
    [Description("What it is about.")]
    public string Topic { get; init; } = "";

    [CommandOption("--due <DATE>")]
    [Description("When it is due (yyyy-MM-dd), if it says.")]
    public string? Due { get; init; }

    [CommandOption("--cameo <CODE>")]
    [Description("CAMEO event code (e.g. 033); repeat for several.")]
    public string[] CameoCodes { get; init; } = [];

    [CommandOption("--classification <MARKING>")]
    [Description("UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP SECRET; default: the interaction's.")]
    public string? Classification { get; init; }

    [CommandOption("--reaffirms <PLEDGE_ID>")]
    [Description("A pledge already recorded that this commitment restates: its register lists this interaction, and no new pledge starts.")]
    public string? Reaffirms { get; init; }
}

/// <summary><c>commitment add</c>: one more commitment on an interaction; its pledge stream starts with it.</summary>
public sealed class AddCommitmentCommand(IAnsiConsole console) : AsyncCommand<AddCommitmentSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AddCommitmentSettings settings, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var kind = FileNames.Choice<CommitmentKind>(settings.Kind, "kind", errors);
        var due = settings.Due is null ? null : FileNames.Date(settings.Due, "due", errors);
        var marking = settings.Classification is null ? (Classification?)null : FileNames.Marking(settings.Classification, "classification", errors);
        var reaffirms = FileNames.Id(settings.Reaffirms, "reaffirms", errors);
        errors.ThrowIfAny();
        var command = new AddCommitment(Arguments.Id(settings.InteractionId, "interactionId"), settings.ExpectedVersion,
            new CommitmentDraft(settings.By, settings.To, kind, settings.Text, settings.Topic, due, [], settings.CameoCodes, marking, reaffirms));
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var changed = await ledger.Mediator.Send(command, cancellationToken);
        await ChangedOutput.WriteAsync(console, ledger, settings.Format, "Interaction", changed, "pledge");
        return ExitCodes.Ok;
    }
}
