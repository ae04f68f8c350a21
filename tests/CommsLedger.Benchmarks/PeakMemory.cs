using System.Diagnostics;

namespace CommsLedger.Benchmarks;

/// <summary>The most memory the process held while something ran, sampled every 100 ms: the managed heap (what the
/// code under measure keeps) and the whole process's working set.</summary>
public sealed class PeakMemory
{
    private long _managed;
    private long _process;

    public IDisposable Sample() => new Timer(_ =>
    {
        using var process = Process.GetCurrentProcess();
        Interlocked.Exchange(ref _managed, Math.Max(Interlocked.Read(ref _managed), GC.GetTotalMemory(false)));
        Interlocked.Exchange(ref _process, Math.Max(Interlocked.Read(ref _process), process.WorkingSet64));
    }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));

    public override string ToString() => $"{_managed / 1_048_576:N0} / {_process / 1_048_576:N0}";
}
