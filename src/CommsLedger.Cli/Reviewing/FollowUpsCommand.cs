using System.ComponentModel;
using CommsLedger.Application.FollowUps.Listing;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Shared;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

public sealed class FollowUpsSettings : OutputSettings
{
    [CommandOption("--due <DAYS>")]
    [Description("Open follow-ups due within this many days (e.g. 14d or 14), overdue ones included. Default: all open.")]
    public string? Due { get; init; }

    [CommandOption("--overdue")]
    [Description("Only open follow-ups whose due date has passed.")]
    public bool Overdue { get; init; }

    [CommandOption("--relationship <KEY>")]
    [Description("Only follow-ups of this pair, e.g. CN-PE.")]
    public string? Relationship { get; init; }
}

/// <summary>The follow-up queue: what our side must do, by due date.</summary>
public sealed class FollowUpsCommand(IAnsiConsole console) : AsyncCommand<FollowUpsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, FollowUpsSettings settings, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        int? days = null;
        if (settings.Due is { } rawDue)
        {
            if (int.TryParse(rawDue.TrimEnd('d', 'D'), out var parsed) && parsed >= 0)
            {
                days = parsed;
            }
            else
            {
                errors.Add("--due", $"'{rawDue}' is not a number of days such as 14d");
            }
        }

        string? relationship = null;
        if (settings.Relationship is { } key && (relationship = RelationshipKey.Parse(key, out var problem)) is null)
        {
            errors.Add("--relationship", problem!);
        }

        errors.ThrowIfAny();
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var items = await ledger.Mediator.Send(new ListFollowUps(days, settings.Overdue, relationship, Ledger.Today), cancellationToken);
        var rows = items.Select(f => new FollowUpRow(f.Id, Cells.Date(f.Due), f.Due < Ledger.Today, f.Action, f.Owner, string.Join(" ", f.Relationships), f.PledgeId?.ToString() ?? "")).ToArray();
        Output.Write(console, settings.Format, items, (c, _) => c.Write(Cells.Table(rows)), _ => rows);
        return ExitCodes.Ok;
    }
}

[CsvHelper.CsvRecord]
public sealed partial record FollowUpRow(Guid Id, string Due, bool Overdue, string Action, string Owner, string Relationships, string PledgeId);
