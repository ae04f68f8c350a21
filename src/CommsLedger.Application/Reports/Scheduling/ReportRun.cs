using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Reports.Scheduling;

public enum ReportRunOutcome
{
    Running,
    Written,
    Unchanged,
    Failed,
}

/// <summary>One run of a scheduled report job at one cron occurrence: the log of what was built, from which ledger
/// position, as whom, and where it went. The id is the job and occurrence, so each occurrence is run once whichever
/// scheduler gets to it first (see <see cref="ReportRuns"/>).</summary>
public sealed class ReportRun
{
    public string Id { get; set; } = "";
    public string Job { get; set; } = "";
    public DateTimeOffset Occurrence { get; set; }
    public string Scheduler { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public ReportRunOutcome Outcome { get; set; }
    public int Attempts { get; set; }
    public string? User { get; set; }
    public Classification Clearance { get; set; }

    /// <summary>What was asked for (job, parameters, the day overdue is judged on, user and clearance), hashed: a
    /// run whose request and position equal the last written run's has nothing new to write.</summary>
    public string? Request { get; set; }

    /// <summary>The last event sequence the report includes (its ledger position).</summary>
    public long Position { get; set; }

    /// <summary>The highest event sequence of the whole ledger when the run started.</summary>
    public long LedgerHighWater { get; set; }

    public string? File { get; set; }
    public long Bytes { get; set; }
    public string? Sha256 { get; set; }
    public string? Error { get; set; }

    public static string IdOf(string job, DateTimeOffset occurrence) =>
        $"{job}@{occurrence.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}";
}
