using System.ComponentModel;
using CommsLedger.Application.Interactions.Importing;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Recording;

public sealed class ImportSettings : OutputSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("JSON lines: one interaction per line, in the format of log --file, each with a stable source.sourceId.")]
    public string File { get; init; } = "";

    [CommandOption("--batch-size <N>")]
    [Description("Interactions appended per transaction.")]
    [DefaultValue(500)]
    public int BatchSize { get; init; } = 500;

    [CommandOption("--bulk")]
    [Description("Append with PostgreSQL COPY, then rebuild every read model from event zero. Appends faster, but the rebuild covers the "
        + "whole ledger and read models are incomplete until it ends: only for a first load into an empty ledger, with no one else recording.")]
    public bool Bulk { get; init; }
}

/// <summary><c>import</c>: a batch of historic interactions, all lines checked first, with a progress bar.</summary>
public sealed class ImportCommand(IAnsiConsole console) : AsyncCommand<ImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.File))
        {
            throw new Domain.Shared.CommandRejected([new Domain.Shared.FieldError("file", $"'{settings.File}' does not exist")]);
        }

        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var import = (IProgress<ImportProgress>? progress) =>
            ledger.Mediator.Send(new ImportInteractions(() => new StreamReader(settings.File), progress, settings.Bulk, settings.BatchSize), cancellationToken).AsTask();
        var result = settings.Format == OutputFormat.Table
            ? await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(context => import(new ProgressBars(context)))
            : await import(null);
        Output.Write(console, settings.Format, result, Summary, r => new[] { r });
        return ExitCodes.Ok;
    }

    private static void Summary(IAnsiConsole console, ImportResult result)
    {
        console.MarkupLineInterpolated(
            $"Imported {result.Appended} new interactions ({result.Events} events); {result.AlreadyInLedger} of the file's {result.Interactions} were already in the ledger{(result.ProjectionsRebuilt ? "; read models rebuilt" : "")}.");
        console.MarkupLineInterpolated(
            $"Checked in {result.Checking.TotalSeconds:0.0} s, appended in {result.Appending.TotalSeconds:0.0} s ({result.Events / Math.Max(result.Appending.TotalSeconds, 0.001):0} events/s), {(result.ProjectionsRebuilt ? $"read models rebuilt in {result.Rebuilding.TotalSeconds:0.0} s" : "read models updated as it went")}.");
    }

    /// <summary>One bar per phase of the import, added when the phase starts.</summary>
    private sealed class ProgressBars(ProgressContext context) : IProgress<ImportProgress>
    {
        private readonly Dictionary<ImportPhase, ProgressTask> _bars = [];

        public void Report(ImportProgress value)
        {
            if (!_bars.TryGetValue(value.Phase, out var bar))
            {
                bar = _bars[value.Phase] = context.AddTask(value.Phase switch
                {
                    ImportPhase.Checking => "Checking lines",
                    ImportPhase.Appending => "Appending interactions",
                    _ => "Rebuilding read models",
                });
            }

            bar.IsIndeterminate = value.Total == 0;
            bar.MaxValue = Math.Max(1, value.Total == 0 ? value.Done : value.Total);
            bar.Value = value.Done;
            if (value.Total > 0 && value.Done >= value.Total)
            {
                bar.StopTask();
            }
        }
    }
}
