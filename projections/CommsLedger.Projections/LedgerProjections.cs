using CommsLedger.Projections.FollowUps;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.Search;
using JasperFx.Events.Projections;
using Marten;

namespace CommsLedger.Projections;

/// <summary>
/// Every read model, registered in one place. All are Inline: they are written in the same transaction as
/// the events, so a command's own result and the next query always see the write (read-your-writes), and a
/// reviewer never sees a ledger that lags its log. Recording volume is small (people typing), so the cost of
/// projecting inside the append transaction is worth that guarantee. Projection errors are never skipped.
/// </summary>
public static class LedgerProjections
{
    public static void AddLedgerProjections(this StoreOptions options)
    {
        options.Projections.Add<InteractionRecordProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<PledgeRegisterProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<FollowUpQueueProjection>(ProjectionLifecycle.Inline);
        RelationshipLedgerProjection.Register(options);
        options.Projections.Add(new SearchIndexProjection(options.DatabaseSchemaName), ProjectionLifecycle.Inline);
        options.Projections.Errors.SkipApplyErrors = false;
        options.Projections.Errors.SkipUnknownEvents = false;
        options.Projections.RebuildErrors.SkipApplyErrors = false;

        options.Schema.For<FollowUpItem>().Index(x => x.Due).Duplicate(x => x.Status);
        options.Schema.For<PledgeRegister>().Duplicate(x => x.By).Duplicate(x => x.Status);
    }

    /// <summary>Every read-model projection, for rebuilds (replay, bulk import).</summary>
    public static readonly IReadOnlyList<Type> ProjectionTypes =
        [typeof(InteractionRecordProjection), typeof(PledgeRegisterProjection), typeof(FollowUpQueueProjection), typeof(RelationshipLedgerProjection), typeof(SearchIndexProjection)];

    /// <summary>The document types the projections write, for rebuild and comparison.</summary>
    public static readonly IReadOnlyList<Type> DocumentTypes =
        [typeof(InteractionRecord), typeof(PledgeRegister), typeof(FollowUpItem), .. RelationshipLedgerProjection.DocumentTypes];
}
