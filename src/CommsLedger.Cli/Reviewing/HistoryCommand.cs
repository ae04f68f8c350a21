using System.ComponentModel;
using CommsLedger.Application.History.Reading;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

public sealed class HistorySettings : TimeTravelSettings
{
    [CommandArgument(0, "<KEY>")]
    [Description("The pair of parties, e.g. CN-PE.")]
    public string Key { get; init; } = "";
}

/// <summary>Every event that touched a relationship, in recorded order: recorded time, occurred date, who,
/// correlation id, and what each correction or retraction replaced.</summary>
public sealed class HistoryCommand(IAnsiConsole console) : AsyncCommand<HistorySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, HistorySettings settings, CancellationToken cancellationToken)
    {
        var asOf = settings.ToAsOf();
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var entries = await ledger.Mediator.Send(new GetHistory(settings.Key, asOf), cancellationToken);
        var rows = entries.Select(e => new HistoryRow(e.Sequence, Cells.Instant(e.RecordedAt), Cells.Date(e.OccurredOn), e.EventType, e.StreamId, e.Version, e.RecordedBy ?? "", e.CorrelationId ?? "", e.What, e.Replaces ?? "")).ToArray();
        Output.Write(console, settings.Format, entries, (c, _) => c.Write(Cells.Table(rows)), _ => rows);
        return ExitCodes.Ok;
    }
}

[CsvHelper.CsvRecord]
public sealed partial record HistoryRow(long? Seq, string Recorded, string Occurred, string Event, Guid Stream, long Version, string By, string Correlation, string What, string Replaces);
