using System.Diagnostics;

namespace CommsLedger.Benchmarks;

/// <summary>One timed run: how long, how many commands, how many events actually landed in mt_events.</summary>
public sealed record Sample(TimeSpan Elapsed, long Commands, long Events);

/// <summary>A variant runs one trial: it prepares untimed, then times its own body and returns a <see cref="Sample"/>.
/// <paramref name="Sequence"/> is unique across every trial of a scenario, so each trial can work on fresh streams
/// and a relationship ledger of its own.</summary>
public sealed record Trial(int Sequence, bool WarmUp);

public static class Harness
{
    /// <summary>Runs every variant once per round, round after round, so the noise of a shared machine falls on all
    /// of them alike. Warm-up rounds are run and discarded.</summary>
    public static async Task<IReadOnlyList<Sample>[]> Interleaved(IReadOnlyList<Func<Trial, Task<Sample>>> variants, int warmUps, int reps)
    {
        var samples = variants.Select(_ => new List<Sample>()).ToArray();
        var sequence = 0;
        for (var round = 0; round < warmUps + reps; round++)
        {
            for (var v = 0; v < variants.Count; v++)
            {
                var trial = new Trial(sequence++, WarmUp: round < warmUps);
                var sample = await variants[v](trial);
                if (!trial.WarmUp)
                {
                    samples[v].Add(sample);
                }
            }
        }

        return samples;
    }

    public static async Task<TimeSpan> Time(Func<Task> body)
    {
        var stopwatch = Stopwatch.StartNew();
        await body();
        return stopwatch.Elapsed;
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
}
