using System.ComponentModel;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

public sealed class PledgeSettings : TimeTravelSettings
{
    [CommandArgument(0, "<PLEDGE_ID>")]
    [Description("The pledge id (a GUID).")]
    public string PledgeId { get; init; } = "";
}

/// <summary>One pledge with its whole life: status history, progress, follow-ups, assessments, reaffirmations, corrections.</summary>
public sealed class PledgeCommand(IAnsiConsole console) : AsyncCommand<PledgeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PledgeSettings settings, CancellationToken cancellationToken)
    {
        var id = Ids.Parse(settings.PledgeId, "pledgeId");
        var asOf = settings.ToAsOf();
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var pledge = await ledger.Mediator.Send(new GetPledge(id, asOf), cancellationToken);
        Output.Write(console, settings.Format, pledge, Table, p => p.StatusHistory.Select(s => new StatusRow(PledgeDecisions.Describe(s.Status), Cells.Date(s.On), s.Note, Cells.Instant(s.RecordedAt), s.RecordedBy ?? "")));
        return ExitCodes.Ok;
    }

    private static void Table(IAnsiConsole console, PledgeRegister p)
    {
        console.Write(new Rule($"Pledge {p.Id} (version {p.Version})").LeftJustified());
        console.MarkupLineInterpolated($"{p.Kind.ToString().ToLowerInvariant()} by {p.By} to {p.To ?? "(general)"}, made {Cells.Date(p.MadeOn)} in interaction {p.InteractionId}");
        console.MarkupLineInterpolated($"\"{p.Text}\"");
        console.MarkupLineInterpolated($"Topic: {p.Topic}   Due: {Cells.Date(p.Due)}   Status: {PledgeDecisions.Describe(p.Status)}   Relationships: {string.Join(", ", p.Relationships)}");
        console.Write(Cells.Table(p.StatusHistory.Select(s => new { Status = PledgeDecisions.Describe(s.Status), On = Cells.Date(s.On), s.Note, Recorded = Cells.Instant(s.RecordedAt), By = s.RecordedBy }).ToArray()));
        if (p.FollowUps.Count > 0)
        {
            console.Write(Cells.Table(p.FollowUps.Select(f => new { f.FollowUpId, f.Action, f.Owner, Due = Cells.Date(f.Due), Status = f.Status.ToString(), f.Outcome }).ToArray()));
        }

        if (p.Assessments.Count > 0)
        {
            console.Write(Cells.Table(p.Assessments.Select(a => new { Score = a.Score.ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture), Percent = a.Percent, a.Rationale, On = Cells.Date(a.AssessedOn), By = a.RecordedBy }).ToArray()));
        }

        foreach (var r in p.Reaffirmations)
        {
            console.MarkupLineInterpolated($"[green]reaffirmed[/] on {Cells.Date(r.On)} by {r.By} in interaction {r.InteractionId}: \"{r.Text}\"");
        }

        foreach (var c in p.Corrections)
        {
            console.MarkupLineInterpolated($"[yellow]corrected[/] {c.Field}: '{c.Was}' → '{c.Now}' by {c.RecordedBy} at {Cells.Instant(c.RecordedAt)} ({c.Reason})");
        }
    }
}

[CsvHelper.CsvRecord]
public sealed partial record StatusRow(string Status, string On, string Note, string Recorded, string By);

public static class Ids
{
    public static Guid Parse(string raw, string field) =>
        Guid.TryParse(raw, out var id) ? id : throw new CommandRejected([new FieldError(field, $"'{raw}' is not an id (a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301)")]);
}
