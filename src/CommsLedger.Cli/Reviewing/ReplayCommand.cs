using System.ComponentModel;
using CommsLedger.Application.History.Replaying;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

public sealed class ReplaySettings : OutputSettings
{
    [CommandOption("--check")]
    [Description("Rebuild in memory and compare, without touching the stored read models.")]
    public bool Check { get; init; }
}

/// <summary>Rebuilds every read model from event zero and reports any difference from the live documents.</summary>
public sealed class ReplayCommand(IAnsiConsole console) : AsyncCommand<ReplaySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReplaySettings settings, CancellationToken cancellationToken)
    {
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        ReplayReport? report = null;
        await console.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var tasks = new Dictionary<string, ProgressTask>();
            var reporter = new Progress<ReplayProgress>(p =>
            {
                var step = p.Step.StartsWith("rebuild", StringComparison.Ordinal) ? "rebuild" : p.Step;
                if (!tasks.TryGetValue(step, out var task))
                {
                    tasks[step] = task = progress.AddTask(step, maxValue: Math.Max(1, p.Total));
                }

                task.Description = p.Step;
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            });
            report = await ledger.Mediator.Send(new ReplayProjections(settings.Check, reporter), cancellationToken);
        });

        var result = report!;
        if (settings.Format == OutputFormat.Json)
        {
            Output.WriteJson(result);
        }
        else
        {
            console.MarkupLineInterpolated($"Replayed {result.Events} events ({(settings.Check ? "in memory, stored read models untouched" : "stored read models rebuilt")}): {string.Join(", ", result.Documents.Select(d => $"{d.Value} {d.Key}"))}.");
            console.MarkupLine(result.Differences.Count == 0 ? "[green]No differences: the read models equal a replay of the log.[/]" : $"[red]{result.Differences.Count} differences:[/]");
            foreach (var difference in result.Differences)
            {
                console.MarkupLineInterpolated($"  {difference}");
            }
        }

        return result.Differences.Count == 0 ? ExitCodes.Ok : ExitCodes.Validation;
    }
}
