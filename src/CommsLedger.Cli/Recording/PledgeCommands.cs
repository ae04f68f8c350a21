using System.ComponentModel;
using System.Globalization;
using CommsLedger.Application.Pledges.Assessing;
using CommsLedger.Application.Pledges.ChangingStatus;
using CommsLedger.Application.Pledges.NotingProgress;
using CommsLedger.Application.Storage;
using CommsLedger.Cli.Hosting;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Recording;

public sealed class PledgeOutcomeSettings : PledgeSettings
{
    [CommandOption("--on <DATE>")]
    [Description("When it happened in the world (yyyy-MM-dd); default today (UTC).")]
    public string? On { get; init; }

    [CommandOption("--note <TEXT>")]
    [Description("What happened, with its source (required for progress).")]
    public string Note { get; init; } = "";
}

/// <summary><c>pledge progress|fulfil|partial|break|withdraw|lapse</c>: the verb's <see cref="PledgeStatus"/> is
/// registered as the command's data; <c>progress</c> (Open) notes progress without changing the status.</summary>
public sealed class PledgeOutcomeCommand(IAnsiConsole console) : AsyncCommand<PledgeOutcomeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PledgeOutcomeSettings settings, CancellationToken cancellationToken)
    {
        var status = (PledgeStatus)context.Data!;
        var pledgeId = Arguments.Id(settings.PledgeId, "pledgeId");
        var on = Arguments.DateOrToday(settings.On, "on");
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var changed = status == PledgeStatus.Open
            ? await ledger.Mediator.Send(new NoteProgress(pledgeId, settings.ExpectedVersion, settings.Note, on), cancellationToken)
            : await ledger.Mediator.Send(new ChangePledgeStatus(pledgeId, settings.ExpectedVersion, status, on, settings.Note), cancellationToken);
        await ChangedOutput.WriteAsync(console, ledger, settings.Format, "Pledge", changed);
        return ExitCodes.Ok;
    }
}

public sealed class AssessSettings : PledgeSettings
{
    [CommandOption("--score <SCORE>")]
    [Description("G7 scale: +1 full compliance, 0 partial or work in progress, -1 no compliance.")]
    public string Score { get; init; } = "";

    [CommandOption("--rationale <TEXT>")]
    [Description("Why this score.")]
    public string Rationale { get; init; } = "";

    [CommandOption("--evidence <TEXT>")]
    [Description("Where the evidence is (URL, document).")]
    public string? Evidence { get; init; }

    [CommandOption("--on <DATE>")]
    [Description("Date of the assessment (yyyy-MM-dd); default today (UTC).")]
    public string? On { get; init; }
}

/// <summary><c>assess</c>: a reviewer scores a pledge's compliance.</summary>
public sealed class AssessCommand(IAnsiConsole console) : AsyncCommand<AssessSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AssessSettings settings, CancellationToken cancellationToken)
    {
        var command = new AssessCompliance(Arguments.Id(settings.PledgeId, "pledgeId"), settings.ExpectedVersion, Score(settings.Score),
            settings.Rationale, settings.Evidence, Arguments.DateOrToday(settings.On, "on"));
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        await ChangedOutput.WriteAsync(console, ledger, settings.Format, "Pledge", await ledger.Mediator.Send(command, cancellationToken), "assessment");
        return ExitCodes.Ok;
    }

    private static int Score(string text) =>
        int.TryParse(text.Trim().TrimStart('+'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score)
            ? score
            : throw new CommandRejected([new FieldError("score", $"'{text}' is not a score: use +1, 0 or -1")]);
}
