using System.Diagnostics;
using CommsLedger.Ingest;

namespace CommsLedger.Benchmarks;

/// <summary>Drafting an entry from a readout after start-up: the sample (about 3 KB) and its first 2 KB.</summary>
public static class IngestScenario
{
    public static Task<string> RunAsync(BenchSettings settings)
    {
        var sample = File.ReadAllText(Path.Combine(RepositoryRoot(), "..", "shared", "samples", "china-peru-call-2020-11-05.txt"));
        var table = new MarkdownTable("input", "bytes", "first call (cold), ms", "after warm-up, ms (median)", "min", "max");
        foreach (var (label, text) in new[] { ("sample readout", sample), ("first 2 KB of it", sample[..Math.Min(2048, sample.Length)]) })
        {
            var cold = Time(text);
            for (var i = 0; i < 5; i++)
            {
                Time(text);
            }

            var times = Enumerable.Range(0, Math.Max(5, settings.Reps * 4)).Select(_ => Time(text)).Order().ToArray();
            table.Row(label, MarkdownTable.Number(System.Text.Encoding.UTF8.GetByteCount(text)), MarkdownTable.Number(cold, "N1"),
                MarkdownTable.Number(times[times.Length / 2], "N2"), MarkdownTable.Number(times[0], "N2"), MarkdownTable.Number(times[^1], "N2"));
        }

        return Task.FromResult("ingest: ReadoutExtractor.Extract in process\n" + table);
    }

    private static double Time(string text)
    {
        var stopwatch = Stopwatch.StartNew();
        var draft = ReadoutExtractor.Extract(text);
        GC.KeepAlive(draft);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommsLedger.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
