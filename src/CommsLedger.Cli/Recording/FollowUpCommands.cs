using System.ComponentModel;
using CommsLedger.Application.Corrections;
using CommsLedger.Application.FollowUps.Cancelling;
using CommsLedger.Application.FollowUps.Completing;
using CommsLedger.Application.FollowUps.Scheduling;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Cli.Hosting;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Shared;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Recording;

public sealed class ScheduleFollowUpSettings : ChangeSettings
{
    [CommandOption("--pledge <PLEDGE_ID>")]
    [Description("The pledge to follow up (usual); give this or --interaction.")]
    public string? PledgeId { get; init; }

    [CommandOption("--interaction <INTERACTION_ID>")]
    [Description("The interaction to follow up, when no pledge is concerned.")]
    public string? InteractionId { get; init; }

    [CommandOption("--action <TEXT>")]
    [Description("What must be done.")]
    public string Action { get; init; } = "";

    [CommandOption("--owner <WHO>")]
    [Description("Who on our side does it.")]
    public string Owner { get; init; } = "";

    [CommandOption("--due <DATE>")]
    [Description("By when (yyyy-MM-dd).")]
    public string Due { get; init; } = "";

    public override ValidationResult Validate() => (PledgeId is null) == (InteractionId is null)
        ? ValidationResult.Error("give either --pledge or --interaction (one of them)")
        : ValidationResult.Success();
}

/// <summary><c>followup schedule</c>: an action on our side, tied to a pledge or an interaction.</summary>
public sealed class ScheduleFollowUpCommand(IAnsiConsole console) : AsyncCommand<ScheduleFollowUpSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ScheduleFollowUpSettings settings, CancellationToken cancellationToken)
    {
        var (subject, id) = settings.PledgeId is { } pledge
            ? (EntryKind.Pledge, Arguments.Id(pledge, "pledge"))
            : (EntryKind.Interaction, Arguments.Id(settings.InteractionId!, "interaction"));
        var errors = new FieldErrors();
        var followUp = new FollowUpDraft(settings.Action, settings.Owner, FileNames.RequiredDate(settings.Due, "due", errors));
        errors.ThrowIfAny();
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var changed = await ledger.Mediator.Send(new ScheduleFollowUp(subject, id, settings.ExpectedVersion, followUp), cancellationToken);
        await ChangedOutput.WriteAsync(console, ledger, settings.Format, subject == EntryKind.Pledge ? "Pledge" : "Interaction", changed, "follow-up");
        return ExitCodes.Ok;
    }
}

public class FollowUpSettings : ChangeSettings
{
    [CommandArgument(0, "<FOLLOWUP_ID>")]
    [Description("The follow-up (printed when it was scheduled). --expected-version is that of its pledge or interaction.")]
    public string FollowUpId { get; init; } = "";
}

public sealed class CompleteFollowUpSettings : FollowUpSettings
{
    [CommandOption("--outcome <TEXT>")]
    [Description("What came of it.")]
    public string Outcome { get; init; } = "";

    [CommandOption("--on <DATE>")]
    [Description("When it was done (yyyy-MM-dd); default today (UTC).")]
    public string? On { get; init; }
}

/// <summary><c>followup complete</c>.</summary>
public sealed class CompleteFollowUpCommand(IAnsiConsole console) : AsyncCommand<CompleteFollowUpSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CompleteFollowUpSettings settings, CancellationToken cancellationToken)
    {
        var command = new CompleteFollowUp(Arguments.Id(settings.FollowUpId, "followUpId"), settings.ExpectedVersion, settings.Outcome,
            Arguments.DateOrToday(settings.On, "on"));
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        await ChangedOutput.WriteAsync(console, ledger, settings.Format, "Its pledge or interaction", await ledger.Mediator.Send(command, cancellationToken), "completed follow-up");
        return ExitCodes.Ok;
    }
}

public sealed class CancelFollowUpSettings : FollowUpSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why it is no longer needed.")]
    public string Reason { get; init; } = "";
}

/// <summary><c>followup cancel</c>.</summary>
public sealed class CancelFollowUpCommand(IAnsiConsole console) : AsyncCommand<CancelFollowUpSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancelFollowUpSettings settings, CancellationToken cancellationToken)
    {
        var command = new CancelFollowUp(Arguments.Id(settings.FollowUpId, "followUpId"), settings.ExpectedVersion, settings.Reason);
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        await ChangedOutput.WriteAsync(console, ledger, settings.Format, "Its pledge or interaction", await ledger.Mediator.Send(command, cancellationToken), "cancelled follow-up");
        return ExitCodes.Ok;
    }
}
