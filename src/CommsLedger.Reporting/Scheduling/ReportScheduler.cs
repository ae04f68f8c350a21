using CommsLedger.Application.Reports.Scheduling;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommsLedger.Reporting.Scheduling;

/// <summary>What became of one occurrence on this scheduler: <see cref="RunVerdict.Busy"/> when another scheduler
/// was running the job, <see cref="RunVerdict.AlreadyRun"/> when another had run this occurrence.</summary>
public sealed record RunResult(string Job, DateTimeOffset Occurrence, RunVerdict Verdict, ReportRun? Run);

public enum RunVerdict
{
    Written,
    Unchanged,
    Failed,
    Busy,
    AlreadyRun,
}

/// <summary>Runs the jobs of a schedule on their cron expressions, each job in a loop of its own (an occurrence
/// missed while the previous one ran is skipped, not queued). Several schedulers may share a ledger: the job store
/// (<see cref="ReportRuns"/>) lets one of them run each occurrence.</summary>
public sealed class ReportScheduler
{
    private readonly ReportSchedule _schedule;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly JobRunner _runner;

    public ReportScheduler(ReportSchedule schedule, IServiceScopeFactory scopes, IDocumentStore store, TimeProvider clock, ILogger logger)
        : this(schedule, scopes, store, clock, logger, AtomicFile.Write)
    {
    }

    /// <param name="write">How a file is written; tests interrupt a write through it.</param>
    internal ReportScheduler(ReportSchedule schedule, IServiceScopeFactory scopes, IDocumentStore store, TimeProvider clock, ILogger logger,
        Func<string, byte[], CancellationToken, Task> write)
    {
        _schedule = schedule;
        _clock = clock;
        _logger = logger;
        Id = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
        _runner = new JobRunner(schedule, scopes, store, clock, logger, write, Id);
    }

    /// <summary>This scheduler's name in the run log: machine, process and instance.</summary>
    public string Id { get; }

    public Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var job in _schedule.Jobs)
        {
            _logger.LogInformation("Report job {Job}: {Kind} as {Format} into {Target}, cron '{Cron}' ({Zone}), next at {Next:o}",
                job.Name, job.Request.Kind, job.Format, job.Target, job.Cron, job.Zone.Id, job.NextAfter(_clock.GetUtcNow()));
        }

        return Task.WhenAll(_schedule.Jobs.Select(job => Loop(job, cancellationToken)));
    }

    /// <summary>Runs every job once, at this second (<c>commsledger report schedule --once</c>).</summary>
    public async Task<IReadOnlyList<RunResult>> RunAllNow(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var second = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var results = new List<RunResult>();
        foreach (var job in _schedule.Jobs)
        {
            results.Add(await RunOccurrence(job, second, cancellationToken));
        }

        return results;
    }

    public Task<RunResult> RunOccurrence(ReportJob job, DateTimeOffset occurrence, CancellationToken cancellationToken) =>
        _runner.Run(job, occurrence, cancellationToken);

    private async Task Loop(ReportJob job, CancellationToken cancellationToken)
    {
        var after = _clock.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested && job.NextAfter(after) is { } next)
        {
            var wait = next - _clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            try
            {
                await RunOccurrence(job, next, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped mid-run: the run record stays "running", so the next scheduler to reach it runs it again.
                return;
            }

            var now = _clock.GetUtcNow();
            after = now > next ? now : next;
        }
    }
}
