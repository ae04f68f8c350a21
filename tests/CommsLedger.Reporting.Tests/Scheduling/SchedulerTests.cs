using CommsLedger.Application.Reports.Scheduling;
using CommsLedger.Application.Tests.Reports;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting.Scheduling;

namespace CommsLedger.Reporting.Tests.Scheduling;

[Collection(PostgresCollection.Name)]
public sealed class SchedulerTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("commsledger-reports-");
    private TestLedger _ledger = null!;
    private ReportScenario _scenario = null!;
    private SchedulerHost _host = null!;

    public async Task InitializeAsync()
    {
        _ledger = await TestLedger.Create(postgres);
        _scenario = await ReportScenario.Record(_ledger);
        _host = SchedulerHost.On(_ledger);
        await _host.AddUser("reporter.t", Classification.TopSecret);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _ledger.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task a_run_writes_the_report_and_a_run_with_no_change_in_the_ledger_writes_nothing()
    {
        var job = Schedule(new JobFile("cn-pe-brief", "brief", "html", "0 6 * * *", AsUser: "reporter.t", Relationship: "CN-PE")).Jobs[0];
        var scheduler = _host.Scheduler(Schedule(job));

        var first = await scheduler.RunOccurrence(job, Monday, CancellationToken.None);
        var written = await File.ReadAllBytesAsync(job.Target);
        var writtenAt = File.GetLastWriteTimeUtc(job.Target);
        await Task.Delay(50);
        var second = await scheduler.RunOccurrence(job, Monday.AddDays(1), CancellationToken.None);
        await ReportScenario.Assess(_ledger, _scenario.Pledges[6], +1, new DateOnly(2021, 3, 20));
        var third = await scheduler.RunOccurrence(job, Monday.AddDays(2), CancellationToken.None);

        Assert.Equal(RunVerdict.Written, first.Verdict);
        Assert.Equal(await _ledger.EventCount(), third.Run!.Position);
        Assert.Equal(RunVerdict.Unchanged, second.Verdict);
        Assert.Equal(first.Run!.Position, second.Run!.Position);
        Assert.Equal(RunVerdict.Written, third.Verdict);
        Assert.True(third.Run.Position > first.Run.Position);
        Assert.NotEqual(written, await File.ReadAllBytesAsync(job.Target));
        Assert.True(writtenAt < File.GetLastWriteTimeUtc(job.Target));
        Assert.Equal([ReportRunOutcome.Written, ReportRunOutcome.Unchanged, ReportRunOutcome.Written],
            (await ReportRuns.Of(_host.Store, job.Name, CancellationToken.None)).Select(r => r.Outcome));
        Assert.Contains(_host.Log, line => line.Contains($"cn-pe-brief at {Monday.AddDays(1):o}: Unchanged", StringComparison.Ordinal)
            && line.Contains($"ledger position {first.Run.Position}", StringComparison.Ordinal));
        Assert.Single(_folder.GetFiles());
    }

    [Fact]
    public async Task a_run_interrupted_mid_write_leaves_the_previous_file_whole_and_is_retried_with_back_off()
    {
        var job = Schedule(new JobFile("scorecard", "scorecard", "csv", "0 6 * * MON", AsUser: "reporter.t")).Jobs[0];
        await _host.Scheduler(Schedule(job)).RunOccurrence(job, Monday, CancellationToken.None);
        var previous = await File.ReadAllBytesAsync(job.Target);
        await ReportScenario.Assess(_ledger, _scenario.Pledges[6], -1, new DateOnly(2021, 3, 20));
        var attempts = 0;
        var crashing = _host.Scheduler(Schedule(job), (path, bytes, token) => AtomicFile.Write(path, async (stream, t) =>
        {
            attempts++;
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), t);
            throw new IOException("No space left on device");
        }, token));

        var failed = await crashing.RunOccurrence(job, Monday.AddDays(7), CancellationToken.None);

        Assert.Equal(RunVerdict.Failed, failed.Verdict);
        Assert.Equal((2, 2), (attempts, failed.Run!.Attempts));
        Assert.Equal("IOException: No space left on device", failed.Run.Error);
        Assert.Equal(previous, await File.ReadAllBytesAsync(job.Target));
        Assert.Equal([job.Target], _folder.GetFiles().Select(f => f.FullName));
        Assert.Contains(_host.Log, line => line.StartsWith("Warning: Report job scorecard", StringComparison.Ordinal) && line.Contains("attempt 1 failed", StringComparison.Ordinal)
            && line.Contains("retrying in 00:00:00.2", StringComparison.Ordinal));
        Assert.Equal(RunVerdict.Written, (await _host.Scheduler(Schedule(job)).RunOccurrence(job, Monday.AddDays(14), CancellationToken.None)).Verdict);
        Assert.NotEqual(previous, await File.ReadAllBytesAsync(job.Target));
    }

    [Fact]
    public async Task two_schedulers_on_one_ledger_run_an_occurrence_once()
    {
        await using var other = SchedulerHost.On(_ledger);
        var job = Schedule(new JobFile("overdue", "overdue", "md", "0 6 * * *", AsUser: "reporter.t")).Jobs[0];
        var writes = 0;
        Task Counting(string path, byte[] bytes, CancellationToken token)
        {
            Interlocked.Increment(ref writes);
            return AtomicFile.Write(path, bytes, token);
        }

        var results = await Task.WhenAll(
            _host.Scheduler(Schedule(job), Counting).RunOccurrence(job, Monday, CancellationToken.None),
            other.Scheduler(Schedule(job), Counting).RunOccurrence(job, Monday, CancellationToken.None));

        Assert.Equal(1, writes);
        Assert.Single(results, r => r.Verdict == RunVerdict.Written);
        Assert.Single(results, r => r.Verdict is RunVerdict.Busy or RunVerdict.AlreadyRun);
        Assert.Single(await ReportRuns.Of(_host.Store, job.Name, CancellationToken.None));
    }

    [Fact]
    public async Task two_scheduler_loops_on_a_per_second_cron_write_each_occurrence_once()
    {
        await using var other = SchedulerHost.On(_ledger);
        var schedule = Schedule(new JobFile("activity", "activity", "html", "* * * * * *", AsUser: "reporter.t"));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));

        await Task.WhenAll(_host.Scheduler(schedule).RunAsync(stop.Token), other.Scheduler(schedule).RunAsync(stop.Token));

        var runs = await ReportRuns.Of(_host.Store, "activity", CancellationToken.None);
        Assert.NotEmpty(runs);
        Assert.Single(runs, r => r.Outcome == ReportRunOutcome.Written);
        // The stop may cut a run short: it stays Running, for the next start to take over (JobRunner). Only the
        // occurrences the loops were at when stopped can be; every earlier one finished.
        var last = runs.Max(r => r.Occurrence);
        Assert.All(runs.Where(r => r.Occurrence < last.AddSeconds(-1)), r => Assert.Contains(r.Outcome, new[] { ReportRunOutcome.Written, ReportRunOutcome.Unchanged }));
        Assert.All(runs, r => Assert.NotEqual(ReportRunOutcome.Failed, r.Outcome));
        Assert.Contains("<svg", await File.ReadAllTextAsync(schedule.Jobs[0].Target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_job_whose_user_does_not_exist_fails_at_once_without_retries()
    {
        var job = Schedule(new JobFile("ghost", "scorecard", "md", "0 6 * * *", AsUser: "nobody")).Jobs[0];

        var result = await _host.Scheduler(Schedule(job)).RunOccurrence(job, Monday, CancellationToken.None);

        Assert.Equal((RunVerdict.Failed, 1), (result.Verdict, result.Run!.Attempts));
        Assert.Equal("asUser: no ledger user is named 'nobody'", result.Run.Error);
        Assert.Contains(_host.Log, line => line.StartsWith("Error: Report job ghost", StringComparison.Ordinal));
        Assert.Empty(_folder.GetFiles());
    }

    private ReportSchedule Schedule(params JobFile[] jobs) => new ScheduleFile(_folder.FullName, 1, 0.2, jobs).Check(_folder.FullName);

    private static ReportSchedule Schedule(ReportJob job) => new([job], 1, TimeSpan.FromSeconds(0.2));
}
