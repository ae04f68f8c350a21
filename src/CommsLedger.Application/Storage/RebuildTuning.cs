using JasperFx.Events.Projections;
using Marten;

namespace CommsLedger.Application.Storage;

/// <summary>
/// How Marten's daemon pages through the log when something rebuilds a projection through it (the application no
/// longer does: <see cref="ReadModelRebuild"/> rebuilds every read model in one pass; the benchmarks still measure the
/// daemon beside it): larger pages, each aggregate written once per flush window rather than once a page, inserts sent
/// by binary COPY, and recently written aggregates kept in memory instead of being loaded back for the next window. At
/// 50,000 events on a loaded machine it was not measurably faster than Marten's defaults (README, "Issue 11").
/// </summary>
internal static class RebuildTuning
{
    public const int PageSize = 5_000;
    public const int AggregatesPerFlush = 20_000;
    public const int AggregatesCached = 20_000;

    public static void TuneRebuilds(this StoreOptions options)
    {
        options.Projections.RebuildWithBulkCopy = true;
        foreach (var projection in options.Projections.All.OfType<ProjectionBase>())
        {
            projection.Options.BatchSize = PageSize;
            projection.Options.RebuildFlushThreshold = AggregatesPerFlush;
            projection.Options.CacheLimitPerTenant = AggregatesCached;
        }
    }
}
