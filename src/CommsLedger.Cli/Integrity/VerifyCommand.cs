using System.ComponentModel;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Integrity.Verifying;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Integrity;

public sealed class VerifySettings : OutputSettings
{
    [CommandOption("--key <PUBLIC_KEY_PEM>")]
    [Description("The ledger public key you kept (commsledger key export-public). Default: the public half of the local ledger key.")]
    public string? Key { get; init; }

    [CommandOption("--against <CHECKPOINT_FILE>")]
    [Description("A checkpoint you kept (commsledger checkpoint export): the ledger must still extend it.")]
    public string? Against { get; init; }

    [CommandOption("--clock-tolerance <SECONDS>")]
    [Description("How far an event's recorded time may go back from the event before it (or ahead of now) before it is reported as backdated (default 30).")]
    public int? ClockToleranceSeconds { get; init; }
}

/// <summary>Recomputes every leaf and root from the stored events and checks them against the log, every signed
/// checkpoint and, with --against, a checkpoint kept outside the ledger. Exit 0 intact, 2 otherwise.</summary>
public sealed class VerifyCommand(IAnsiConsole console) : AsyncCommand<VerifySettings>
{
    private const int _divergencesListed = 10;

    public override async Task<int> ExecuteAsync(CommandContext context, VerifySettings settings, CancellationToken cancellationToken)
    {
        var options = new VerifyOptions
        {
            Against = settings.Against is null ? null : InputFiles.KeptCheckpoint(settings.Against, "--against"),
            ClockTolerance = ClockTolerance.From(settings.ClockToleranceSeconds),
        };
        using var trusted = TrustedKey.Resolve(settings.Key);
        await using var database = await LogDatabase.OpenAsync(cancellationToken);
        await database.RequireLogAsync(cancellationToken);
        var verifier = new LedgerVerifier(database.DataSource, LogDatabase.Schema, trusted.Key);

        if (settings.Format == OutputFormat.Table)
        {
            console.MarkupLineInterpolated($"Trusted key {trusted.Key.KeyId}: {trusted.Source}.");
        }

        var report = settings.Format == OutputFormat.Table
            ? await WithProgressBarAsync(progress => verifier.VerifyAsync(options, progress, cancellationToken))
            : await verifier.VerifyAsync(options, null, cancellationToken);
        Output.Write(console, settings.Format, VerifyView.From(report, trusted), Describe, view => view.Divergences.Select(DivergenceRow.From));
        return report.IsIntact ? ExitCodes.Ok : ExitCodes.Validation;
    }

    private async Task<VerifyReport> WithProgressBarAsync(Func<IProgress<VerifyProgress>, Task<VerifyReport>> verify)
    {
        VerifyReport? report = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var reading = progress.AddTask("reading events", maxValue: 1);
                report = await verify(new Reporter<VerifyProgress>(p =>
                {
                    reading.MaxValue = Math.Max(1, p.EstimatedTotal);
                    reading.Value = p.EventsRead;
                    reading.Description = $"{p.EventsRead:N0} events, {p.EventsPerSecond:N0} events/s";
                }));
            });
        return report!;
    }

    private static void Describe(IAnsiConsole console, VerifyView view)
    {
        if (view.Intact)
        {
            console.MarkupLineInterpolated($"[green]Intact[/]: {view.EventsRead} events, tree size {view.TreeSize}, root {view.RootHash}, {view.CheckpointsVerified} checkpoints verified, {view.PendingEvents} pending.");
        }

        DescribeDivergences(console, view);
        if (view.Against is { } against)
        {
            var verdict = against.Verdict switch
            {
                "extends" => "[green]extends[/]",
                "not-proven" => "[red]is NOT PROVEN to extend[/]",
                _ => "[red]does NOT extend[/]",
            };
            console.MarkupLine($"The ledger {verdict} your checkpoint of tree size {against.Kept.TreeSize}: {Markup.Escape(against.Reason)}");
        }

        if (view.LatestCheckpoint is { } latest)
        {
            console.MarkupLineInterpolated($"Latest valid checkpoint: tree size {latest.TreeSize}, signed {latest.Time:yyyy-MM-dd HH:mm:ss}Z by key {latest.KeyId}; {view.UnsignedLeaves} leaves after it are checked against the stored log only.");
        }
        else
        {
            console.MarkupLine(view.DivergenceCount > 0
                ? "[red]No stored checkpoint verified.[/]"
                : "[yellow]No checkpoint verified[/] with this key: run commsledger integrate (with the ledger's key) to sign one.");
        }

        console.MarkupLineInterpolated($"Read {view.EventsRead} events in {view.ElapsedSeconds:0.00} s ({view.EventsPerSecond:N0} events/s).");
    }

    private static void DescribeDivergences(IAnsiConsole console, VerifyView view)
    {
        if (view.DivergenceCount == 0)
        {
            return;
        }

        console.MarkupLineInterpolated($"[red]NOT INTACT[/]: {view.Divergences[0].Message}");
        console.MarkupLineInterpolated($"{view.DivergenceCount} divergences in all{(view.DivergenceCount > 1 ? ":" : ".")}");
        foreach (var divergence in view.Divergences.Skip(1).Take(_divergencesListed))
        {
            console.MarkupLineInterpolated($"  {divergence.Message}");
        }

        if (view.DivergenceCount > _divergencesListed + 1)
        {
            console.MarkupLine("  … (--format json or csv lists them all)");
        }
    }

    /// <summary>Reports on the verifier's own thread, so the bar never lags behind a finished run (Progress&lt;T&gt; posts to the pool).</summary>
    private sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
