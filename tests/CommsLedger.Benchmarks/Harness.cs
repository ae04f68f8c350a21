using System.Diagnostics;

namespace CommsLedger.Benchmarks;

/// <summary>One variant's part of a round, prepared untimed: the commands to time one by one, and how to count the
/// events in its store (before and after, so the table reports what actually landed in mt_events).</summary>
public sealed record Prepared(IReadOnlyList<Func<Task>> Steps, Func<Task<long>> CountEvents);

/// <summary>One timed round of one variant: total time of its steps, how many steps, how many events were appended.</summary>
public sealed record Sample(TimeSpan Elapsed, long Commands, long Events);

/// <summary><paramref name="Sequence"/> is unique across every trial of a scenario, so each trial can work on fresh
/// streams and a relationship ledger of its own.</summary>
public sealed record Trial(int Sequence, bool WarmUp);

public static class Harness
{
    /// <summary>
    /// Runs warm-up rounds (discarded) then <paramref name="reps"/> rounds. Within a round the variants take turns
    /// step by step — one command of each, then the next — so the noise of a shared machine falls on all of them
    /// alike and a ratio taken within a round is far steadier than the absolute numbers.
    /// </summary>
    public static async Task<IReadOnlyList<Sample>[]> Interleaved(IReadOnlyList<Func<Trial, Task<Prepared>>> variants, int warmUps, int reps)
    {
        var samples = variants.Select(_ => new List<Sample>()).ToArray();
        var sequence = 0;
        for (var round = 0; round < warmUps + reps; round++)
        {
            var trials = variants.Select(_ => new Trial(sequence++, WarmUp: round < warmUps)).ToArray();
            var prepared = new Prepared[variants.Count];
            var before = new long[variants.Count];
            for (var v = 0; v < variants.Count; v++)
            {
                prepared[v] = await variants[v](trials[v]);
                before[v] = await prepared[v].CountEvents();
            }

            var elapsed = await TakeTurns(prepared);
            for (var v = 0; v < variants.Count && round >= warmUps; v++)
            {
                samples[v].Add(new Sample(elapsed[v], prepared[v].Steps.Count, await prepared[v].CountEvents() - before[v]));
            }
        }

        return samples;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static async Task<TimeSpan[]> TakeTurns(Prepared[] prepared)
    {
        var elapsed = new TimeSpan[prepared.Length];
        var longest = prepared.Max(p => p.Steps.Count);
        for (var step = 0; step < longest; step++)
        {
            // Rotating who goes first keeps any "the one after X is warmer" effect from favouring one variant.
            for (var turn = 0; turn < prepared.Length; turn++)
            {
                var v = (step + turn) % prepared.Length;
                if (step < prepared[v].Steps.Count)
                {
                    var stopwatch = Stopwatch.StartNew();
                    await prepared[v].Steps[step]();
                    elapsed[v] += stopwatch.Elapsed;
                }
            }
        }

        return elapsed;
    }
}
