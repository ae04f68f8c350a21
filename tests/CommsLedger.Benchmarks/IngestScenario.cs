using System.Diagnostics;
using CommsLedger.Ingest;

namespace CommsLedger.Benchmarks;

/// <summary>
/// Drafting an entry from a readout after start-up: the sample (about 3 KB), its first 2 KB, and every readout of the
/// development set (shared/samples/readouts, or COMMSLEDGER_READOUTS) per language: the median, fastest and slowest of
/// the readouts' own medians.
/// </summary>
public static class IngestScenario
{
    public static Task<string> RunAsync(BenchSettings settings)
    {
        var sample = File.ReadAllText(Path.Combine(SharedSamples(), "china-peru-call-2020-11-05.txt"));
        var table = new MarkdownTable("input", "bytes", "first call (cold), ms", "after warm-up, ms (median)", "min", "max");
        var runs = Math.Max(5, settings.Reps * 4);
        foreach (var (label, text) in new[] { ("sample readout", sample), ("first 2 KB of it", sample[..Math.Min(2048, sample.Length)]) })
        {
            var cold = Time(text);
            var times = Warm(text, runs);
            table.Row(label, MarkdownTable.Number(System.Text.Encoding.UTF8.GetByteCount(text)), MarkdownTable.Number(cold, "N1"),
                MarkdownTable.Number(times[times.Length / 2], "N2"), MarkdownTable.Number(times[0], "N2"), MarkdownTable.Number(times[^1], "N2"));
        }

        if (DevelopmentSet() is { } directory)
        {
            var readouts = Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal)
                .Select(path => File.ReadAllText(path))
                .Select(text => (Text: text, Language: ReadoutExtractor.Extract(text).Language))
                .ToList();
            foreach (var group in readouts.GroupBy(r => r.Language).OrderBy(g => g.Key, StringComparer.Ordinal).Append(readouts.GroupBy(_ => "all").Single()))
            {
                var medians = group.Select(r => Warm(r.Text, runs)).Select(t => t[t.Length / 2]).Order().ToArray();
                var bytes = group.Average(r => System.Text.Encoding.UTF8.GetByteCount(r.Text));
                table.Row($"development set, {group.Key} ({group.Count()} readouts), per readout", MarkdownTable.Number(bytes), "–",
                    MarkdownTable.Number(medians[medians.Length / 2], "N2"), MarkdownTable.Number(medians[0], "N2"), MarkdownTable.Number(medians[^1], "N2"));
            }
        }

        return Task.FromResult("ingest: ReadoutExtractor.Extract in process\n" + table);
    }

    /// <summary>Times after 30 warm-up calls, enough for tiered compilation to settle on the optimised code.</summary>
    private static double[] Warm(string text, int runs)
    {
        for (var i = 0; i < 30; i++)
        {
            Time(text);
        }

        return Enumerable.Range(0, runs).Select(_ => Time(text)).Order().ToArray();
    }

    private static double Time(string text)
    {
        var stopwatch = Stopwatch.StartNew();
        var draft = ReadoutExtractor.Extract(text);
        GC.KeepAlive(draft);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>COMMSLEDGER_READOUTS, else shared/samples/readouts; null (the rows are left out) when absent.</summary>
    private static string? DevelopmentSet()
    {
        if (Environment.GetEnvironmentVariable("COMMSLEDGER_READOUTS") is { Length: > 0 } configured)
        {
            return configured;
        }

        var candidate = Path.Combine(SharedSamples(), "readouts");
        return Directory.Exists(candidate) ? candidate : null;
    }

    /// <summary>shared/samples in the nearest folder above the program that has one (beside the main checkout or a worktree's parent).</summary>
    private static string SharedSamples()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "samples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("shared/samples was not found in any folder above the benchmark program");
    }
}
