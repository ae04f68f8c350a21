using System.ComponentModel;
using CommsLedger.Application.Pledges.Listing;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

public sealed class PledgesSettings : TimeTravelSettings
{
    [CommandOption("--relationship <KEY>")]
    [Description("Only pledges counting towards this pair, e.g. CN-PE.")]
    public string? Relationship { get; init; }

    [CommandOption("--by <PARTY>")]
    [Description("Only pledges made by this party, e.g. CN.")]
    public string? By { get; init; }

    [CommandOption("--status <STATUS>")]
    [Description("open, fulfilled, partiallyfulfilled, broken, withdrawn, lapsed or retracted.")]
    public string? Status { get; init; }

    [CommandOption("--overdue")]
    [Description("Only open pledges whose due date has passed.")]
    public bool Overdue { get; init; }
}

/// <summary>Pledges filtered by relationship, party, status and due date, now or as of a moment.</summary>
public sealed class PledgesCommand(IAnsiConsole console) : AsyncCommand<PledgesSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PledgesSettings settings, CancellationToken cancellationToken)
    {
        var query = ToQuery(settings);
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var pledges = await ledger.Mediator.Send(query, cancellationToken);
        var rows = pledges.Select(Row).ToArray();
        Output.Write(console, settings.Format, pledges, (c, _) => c.Write(Cells.Table(rows)), _ => rows);
        return ExitCodes.Ok;
    }

    public static PledgeRow Row(PledgeRegister p) => new(
        p.Id,
        p.By,
        p.To ?? "(general)",
        p.Kind.ToString().ToLowerInvariant(),
        p.Text,
        Cells.Date(p.Due),
        PledgeDecisions.Describe(p.Status),
        p.Assessments.Count == 0 ? "" : $"{p.Assessments[^1].Percent}%",
        p.Version);

    private static ListPledges ToQuery(PledgesSettings settings)
    {
        var errors = new FieldErrors();
        string? relationship = null;
        if (settings.Relationship is { } key && (relationship = RelationshipKey.Parse(key, out var problem)) is null)
        {
            errors.Add("--relationship", problem!);
        }

        string? by = null;
        if (settings.By is { } party && (by = PartyCode.Normalise(party, out var byProblem)) is null)
        {
            errors.Add("--by", byProblem!);
        }

        PledgeStatus? status = null;
        if (settings.Status is { } rawStatus)
        {
            var cleaned = rawStatus.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (EnumText.IsName<PledgeStatus>(cleaned))
            {
                status = Enum.Parse<PledgeStatus>(cleaned, ignoreCase: true);
            }
            else
            {
                errors.Add("--status", $"'{rawStatus}' is not one of {string.Join(", ", Enum.GetNames<PledgeStatus>()).ToLowerInvariant()}");
            }
        }

        var asOf = settings.ToAsOf();
        errors.ThrowIfAny();
        var today = asOf.OccurredBy is { } occurredBy && occurredBy < Ledger.Today ? occurredBy : Ledger.Today;
        return new ListPledges(relationship, by, status, null, settings.Overdue ? today : null, asOf);
    }
}

[CsvHelper.CsvRecord]
public sealed partial record PledgeRow(Guid Id, string By, string To, string Kind, string Text, string Due, string Status, string Compliance, long Version);
