using System.Collections.Concurrent;

namespace CommsLedger.Reliability.Support;

/// <param name="CorrelationId">Sent as X-Correlation-Id; every event the write appends carries it.</param>
/// <param name="Status">The HTTP status, or 0 when no answer came (connection dropped or reset).</param>
/// <param name="Events">How many events the write appends when it succeeds.</param>
/// <param name="RecordedUnanswered">A retry was told the first try was recorded though its answer was lost (409 for
/// an Idempotency-Key whose change committed just before the crash): it counts as acknowledged.</param>
public sealed record Attempt(string CorrelationId, string Kind, int Status, TimeSpan Latency, int Events, bool RecordedUnanswered = false)
{
    public bool Acknowledged => Status is >= 200 and < 300 || RecordedUnanswered;
}

/// <summary>Every write the suite attempted and what it was told, to hold up against <c>mt_events</c> afterwards.</summary>
public sealed class WriteJournal
{
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    public IReadOnlyList<Attempt> Attempts => [.. _attempts];

    public void Record(Attempt attempt) => _attempts.Enqueue(attempt);

    public static TimeSpan Percentile(IEnumerable<TimeSpan> latencies, double fraction)
    {
        var sorted = latencies.Order().ToArray();
        return sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Asserts from the events: each acknowledged write appended exactly its events, once; each write that
    /// was refused or failed appended nothing. <paramref name="inDoubt"/> names attempts whose outcome the client
    /// could not know (the connection died mid-request); they are reported, not judged.</summary>
    public async Task<JournalCheck> CheckAgainst(string connectionString, Func<Attempt, bool>? inDoubt = null)
    {
        var attempts = Attempts;
        var counts = await LedgerEvents.CountByCorrelation(connectionString, attempts.Select(a => a.CorrelationId));
        var problems = new List<string>();
        var doubtful = 0;
        foreach (var attempt in attempts)
        {
            var appended = counts.GetValueOrDefault(attempt.CorrelationId);
            if (inDoubt?.Invoke(attempt) == true)
            {
                doubtful++;
                if (appended != 0 && appended != attempt.Events)
                {
                    problems.Add($"{attempt.CorrelationId} ({attempt.Kind}, in doubt) appended {appended} events, neither 0 nor {attempt.Events}");
                }
            }
            else if (attempt.Acknowledged ? appended != attempt.Events : appended != 0)
            {
                problems.Add($"{attempt.CorrelationId} ({attempt.Kind}, {attempt.Status}) appended {appended} events, expected {(attempt.Acknowledged ? attempt.Events : 0)}");
            }
        }

        return new JournalCheck(attempts.Count(a => a.Acknowledged), attempts.Count, doubtful, problems);
    }
}

public sealed record JournalCheck(int Acknowledged, int Attempted, int InDoubt, IReadOnlyList<string> Problems)
{
    public override string ToString() => $"{Acknowledged} of {Attempted} writes acknowledged, {InDoubt} in doubt; "
        + (Problems.Count == 0 ? "every one as its answer said" : $"{Problems.Count} problems:\n" + string.Join("\n", Problems.Take(20)));
}
