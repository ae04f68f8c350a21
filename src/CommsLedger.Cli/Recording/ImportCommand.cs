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
        var result = settings.Format != OutputFormat.Table ? await import(null)
            : console.Profile.Capabilities.Interactive
                ? await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .StartAsync(context => import(new ProgressBars(context, settings.Bulk)))
                : await import(new ProgressLines(console));
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

    private static string Label(ImportPhase phase) => phase switch
    {
        ImportPhase.Checking => "Checking lines",
        ImportPhase.Appending => "Appending interactions",
        _ => "Rebuilding read models (events)",
    };

    private static string Rate(ImportProgress value) => value.EventsPerSecond > 0 ? $", {value.EventsPerSecond:N0} events/s" : "";

    /// <summary>Progress for logs and pipes, where bars cannot redraw: a line per phase each tenth of the way.</summary>
    private sealed class ProgressLines(IAnsiConsole console) : IProgress<ImportProgress>
    {
        private readonly Dictionary<ImportPhase, long> _tenthsShown = [];

        public void Report(ImportProgress value)
        {
            var tenths = value.Total == 0 ? -1 : value.Done * 10 / value.Total;
            if (value.Total == 0 || _tenthsShown.GetValueOrDefault(value.Phase, -1) >= tenths)
            {
                return;
            }

            _tenthsShown[value.Phase] = tenths;
            console.MarkupLineInterpolated($"{Label(value.Phase)}: {value.Done} of {value.Total} ({value.Done * 100 / value.Total}%){Rate(value)}");
        }
    }

    /// <summary>One bar per phase of the import (rebuilding only on the bulk path).</summary>
    private sealed class ProgressBars : IProgress<ImportProgress>
    {
        private readonly Dictionary<ImportPhase, ProgressTask> _bars = [];

        public ProgressBars(ProgressContext context, bool bulk)
        {
            foreach (var phase in bulk ? Enum.GetValues<ImportPhase>() : [ImportPhase.Checking, ImportPhase.Appending])
            {
                _bars[phase] = context.AddTask(Label(phase), autoStart: phase == ImportPhase.Checking);
            }
        }

        public void Report(ImportProgress value)
        {
            var bar = _bars[value.Phase];
            bar.StartTask();
            bar.IsIndeterminate = value.Total == 0;
            bar.MaxValue = Math.Max(1, value.Total == 0 ? value.Done : value.Total);
            bar.Value = value.Done;
            bar.Description = Markup.Escape(Label(value.Phase) + Rate(value));
            if (value.Total > 0 && value.Done >= value.Total)
            {
                bar.StopTask();
            }
        }
    }
}
