using CommsLedger.Application.Reports.Position;
using Spectre.Console;

namespace CommsLedger.Cli.Reporting;

/// <summary>A progress bar on standard error while a report reads the ledger (events read of the events to read);
/// drawn only on a terminal, so piped output and logs stay clean.</summary>
internal static class ReportProgressBar
{
    public static async Task<T> Show<T>(IAnsiConsole console, Func<IProgress<ReportProgress>, Task<T>> build)
    {
        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var reading = context.AddTask("reading the ledger", maxValue: 1);
                result = await build(new Reporter(p =>
                {
                    reading.MaxValue = Math.Max(1, p.Total);
                    reading.Value = p.Read;
                    reading.Description = $"reading the ledger: {p.Read:N0} of {p.Total:N0} events";
                }));
                reading.StopTask();
            });
        return result;
    }

    /// <summary>Reports synchronously, on the reading thread (<see cref="Progress{T}"/> would post out of order).</summary>
    private sealed class Reporter(Action<ReportProgress> report) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value) => report(value);
    }
}
