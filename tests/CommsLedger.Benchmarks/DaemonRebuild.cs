using CommsLedger.Application.Storage;
using CommsLedger.Projections;
using Marten;

namespace CommsLedger.Benchmarks;

/// <summary>How <c>replay</c> and <c>import --bulk</c> rebuilt the read models before the one-pass rebuild
/// (<see cref="ReadModelRebuild"/>), kept to measure beside it: statistics first, then Marten's daemon rebuilding every
/// projection side by side, paged as <see cref="RebuildTuning"/> sets it, statistics again.</summary>
public static class DaemonRebuild
{
    public static async Task SideBySide(IDocumentStore store)
    {
        await TableStatistics.Refresh(store, CancellationToken.None);
        using var daemon = await store.BuildProjectionDaemonAsync();
        await Task.WhenAll(LedgerProjections.ProjectionTypes.Select(p => daemon.RebuildProjectionAsync(p, TimeSpan.FromHours(2), CancellationToken.None)));
        await TableStatistics.Refresh(store, CancellationToken.None);
    }
}
