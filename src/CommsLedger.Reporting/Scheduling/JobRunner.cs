using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommsLedger.Application.Access;
using CommsLedger.Application.Observability;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Reports;
using CommsLedger.Application.Reports.Scheduling;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting.Documents;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommsLedger.Reporting.Scheduling;

/// <summary>One occurrence of one job: under the job's lock, unless this occurrence was run already, build the report
/// as the job's user and replace the job's file — or write nothing when neither the request nor the report's ledger
/// position changed since the last file. A failed attempt is retried after a doubling wait; a rejected one (a bad
/// parameter, an unknown user, no Chromium for pdf) is not, since it would fail the same way.</summary>
internal sealed class JobRunner(ReportSchedule schedule, IServiceScopeFactory scopes, IDocumentStore store, TimeProvider clock, ILogger logger,
    Func<string, byte[], CancellationToken, Task> write, string scheduler)
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(30);

    public async Task<RunResult> Run(ReportJob job, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        await using var held = await ReportRuns.TryLock(store, job.Name, cancellationToken);
        if (held is null)
        {
            logger.LogInformation("Report job {Job} at {Occurrence:o}: another scheduler is running it; not run here", job.Name, occurrence);
            return new RunResult(job.Name, occurrence, RunVerdict.Busy, null);
        }

        var id = ReportRun.IdOf(job.Name, occurrence);
        if (await ReportRuns.Find(store, id, cancellationToken) is { Outcome: not ReportRunOutcome.Running } done)
        {
            logger.LogInformation("Report job {Job} at {Occurrence:o}: already run by {Scheduler} ({Outcome})", job.Name, occurrence, done.Scheduler, done.Outcome);
            return new RunResult(job.Name, occurrence, RunVerdict.AlreadyRun, done);
        }

        AtomicFile.RemoveLeftovers(job.Target);
        var run = new ReportRun { Id = id, Job = job.Name, Occurrence = occurrence, Scheduler = scheduler, StartedAt = clock.GetUtcNow(), Outcome = ReportRunOutcome.Running };
        await ReportRuns.Save(store, run, cancellationToken);
        await Attempts(job, run, cancellationToken);
        run.FinishedAt = clock.GetUtcNow();
        await ReportRuns.Save(store, run, CancellationToken.None);
        Log(job, run);
        LedgerTelemetry.ReportRuns.Add(1, new KeyValuePair<string, object?>("commsledger.report.outcome", run.Outcome.ToString()));
        return new RunResult(job.Name, occurrence, Enum.Parse<RunVerdict>(run.Outcome.ToString()), run);
    }

    private async Task Attempts(ReportJob job, ReportRun run, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            run.Attempts = attempt;
            try
            {
                await Attempt(job, run, cancellationToken);
                return;
            }
            // A scheduler must outlive any one job's failure: every error is recorded in the run log and logged.
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                run.Error = e is CommandRejected rejected ? string.Join("; ", rejected.Errors) : $"{e.GetType().Name}: {e.Message}";
                if (e is CommandRejected or LedgerRuleViolated || attempt > schedule.Retries)
                {
                    run.Outcome = ReportRunOutcome.Failed;
                    return;
                }

                var wait = Wait(attempt);
                logger.LogWarning(e, "Report job {Job} at {Occurrence:o}: attempt {Attempt} failed ({Error}); retrying in {Wait}", job.Name, run.Occurrence, attempt, run.Error, wait);
                await Task.Delay(wait, clock, cancellationToken);
            }
        }
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: the back-off, doubled after each failure.</summary>
    private TimeSpan Wait(int attempt) =>
        TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, schedule.Backoff.Ticks * (1L << Math.Min(attempt - 1, 20))));

    private async Task Attempt(ReportJob job, ReportRun run, CancellationToken cancellationToken)
    {
        run.LedgerHighWater = await ReportRuns.HighWater(store, cancellationToken);
        var last = await ReportRuns.LastWritten(store, job.Name, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var user = await job.Identity.Resolve(mediator, cancellationToken);
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        (actor.UserName, actor.Clearance, actor.Roles) = (user.Name, user.Clearance, user.Roles.ToHashSet());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), job.Zone).DateTime);
        var request = job.RequestOn(today);
        (run.User, run.Clearance, run.Request) = (user.Name, user.Clearance, Fingerprint(job, request, user));
        if (last is not null && last.Request == run.Request && last.LedgerHighWater == run.LedgerHighWater && Intact(job.Target, last))
        {
            Unchanged(run, last);
            return;
        }

        var report = await mediator.Send(request.Query(today), cancellationToken);
        run.Position = report.Header.Position.LastSequence;
        if (last is not null && last.Request == run.Request && last.Position == run.Position && Intact(job.Target, last))
        {
            Unchanged(run, last);
            return;
        }

        var generation = new Generation(clock.GetUtcNow(), $"{user.Name} (clearance {user.Clearance.Display()})", $"now, scheduled job {job.Name}");
        var bytes = await Reports.Render(report, job.Format, generation, cancellationToken);
        await write(job.Target, bytes, cancellationToken);
        (run.Outcome, run.File, run.Bytes, run.Sha256, run.Error) = (ReportRunOutcome.Written, job.Target, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), null);
    }

    private static void Unchanged(ReportRun run, ReportRun last) =>
        (run.Outcome, run.Position, run.File, run.Bytes, run.Sha256, run.Error) = (ReportRunOutcome.Unchanged, last.Position, last.File, last.Bytes, last.Sha256, null);

    /// <summary>The last file is still there as it was written (else it is written again, even with nothing new).</summary>
    private static bool Intact(string path, ReportRun last)
    {
        if (!File.Exists(path) || new FileInfo(path).Length != last.Bytes)
        {
            return false;
        }

        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file)) == last.Sha256;
    }

    private static string Fingerprint(ReportJob job, ReportRequest request, Application.Access.UserView user)
    {
        var text = JsonSerializer.Serialize(new { Job = job.Name, Format = job.Format.ToString(), request, User = user.Name, Clearance = user.Clearance.ToString() });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private void Log(ReportJob job, ReportRun run)
    {
        var level = run.Outcome == ReportRunOutcome.Failed ? LogLevel.Error : LogLevel.Information;
        logger.Log(level, "Report job {Job} at {Occurrence:o}: {Outcome} after {Attempts} attempt(s); ledger position {Position} (ledger at {HighWater}); as {User} ({Clearance}); {File} {Bytes} bytes{Error}",
            job.Name, run.Occurrence, run.Outcome, run.Attempts, run.Position, run.LedgerHighWater, run.User, run.Clearance.Display(), run.File ?? job.Target, run.Bytes,
            run.Error is null ? "" : "; " + run.Error);
    }
}
