using CommsLedger.Api.Integrity;
using CommsLedger.Api.Problems;
using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Storage;
using CommsLedger.Integrity.Verifying;

namespace CommsLedger.Web.Integrity;

/// <summary>
/// "Verify now" on the review page: one verification of the whole ledger at a time, run in the background (it reads
/// every event, which takes a while on a large ledger) while the page shows its progress and refreshes itself. The
/// last result is kept until the next run; the app forgets it when it stops (the CLI's verify is the durable record).
/// </summary>
public sealed class IntegrityRuns(IConfiguration configuration, LedgerLog log, IHostApplicationLifetime lifetime, ILogger<IntegrityRuns> logger)
{
    private readonly Lock _lock = new();
    private IntegrityRun? _current;

    public IntegrityRun? Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>The latest signed checkpoint of the Merkle log; null when there is no log or no checkpoint yet.</summary>
    public async Task<Checkpoint?> LatestCheckpointAsync(CancellationToken cancellationToken) =>
        await log.ExistsAsync(cancellationToken) ? await StoredCheckpoints.LatestAsync(log.DataSource, LedgerLog.Schema, cancellationToken) : null;

    /// <summary>Starts a run unless one is running; the caller has checked that the user is a TOP SECRET reviewer.</summary>
    public IntegrityRun Start(string user, TimeProvider clock)
    {
        lock (_lock)
        {
            if (_current is { Finished: null } running)
            {
                return running;
            }

            var run = new IntegrityRun(user, clock.GetUtcNow());
            _current = run;
            _ = Task.Run(() => RunAsync(run, clock));
            return run;
        }
    }

    private async Task RunAsync(IntegrityRun run, TimeProvider clock)
    {
        try
        {
            var progress = new Progress<VerifyProgress>(p => run.Progress = p);
            run.Report = await IntegrityEndpoints.RunAsync(configuration, log, progress, lifetime.ApplicationStopping);
            logger.LogInformation("Integrity verified for {User}: intact {Intact}, {Events} events", run.StartedBy, run.Report.Intact, run.Report.EventsRead);
        }
        catch (Exception e) when (e is RequestRefused or LedgerRuleViolated)
        {
            run.Failure = e is LedgerRuleViolated rule ? rule.Problem : e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Integrity verification started by {User} failed", run.StartedBy);
            run.Failure = "the verification stopped with an error (see the application's log): " + e.GetType().Name;
        }
        finally
        {
            run.Finished = clock.GetUtcNow();
        }
    }
}

/// <summary>One verification: who started it, how far it got, and how it ended.</summary>
public sealed class IntegrityRun(string startedBy, DateTimeOffset started)
{
    public string StartedBy { get; } = startedBy;
    public DateTimeOffset Started { get; } = started;
    private object? _progress;

    /// <summary>Written by the run's thread, read by page requests: boxed, so a reader never sees half of one.</summary>
    public VerifyProgress? Progress
    {
        get => (VerifyProgress?)Volatile.Read(ref _progress);
        set => Volatile.Write(ref _progress, value);
    }

    public IntegrityReport? Report { get; set; }
    public string? Failure { get; set; }
    public DateTimeOffset? Finished { get; set; }
}
