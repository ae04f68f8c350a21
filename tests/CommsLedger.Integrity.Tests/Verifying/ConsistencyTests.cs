using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Merkle;
using CommsLedger.Integrity.Storage;
using CommsLedger.Integrity.Tests.Fixtures;
using CommsLedger.Integrity.Verifying;

namespace CommsLedger.Integrity.Tests.Verifying;

/// <summary><c>verify --against checkpoint.txt</c>: the reviewer exported a checkpoint at 10 events and kept it;
/// the ledger grew to 25 since.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConsistencyTests(PostgresCluster cluster)
{
    [Fact]
    public async Task the_grown_log_is_proved_to_extend_a_checkpoint_kept_outside()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(ConsistencyTests));
        var kept = await KeepCheckpointThenGrowAsync(ledger);

        var report = await ledger.Verifier().VerifyAsync(new VerifyOptions { Against = kept });

        Assert.True(report.IsIntact, report.Consistency?.Reason);
        var consistency = report.Consistency!;
        Assert.True(consistency.IsConsistent);
        Assert.Equal(25, consistency.Newer?.TreeSize);
        Assert.NotEmpty(consistency.Proof);
        Assert.True(ProofVerification.VerifyConsistency(10, 25, kept.RootHash, consistency.Newer!.RootHash, consistency.Proof));
    }

    [Fact]
    public async Task a_rewrite_re_signed_with_a_stolen_key_passes_plain_verify_but_not_the_kept_checkpoint()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(ConsistencyTests));
        var kept = await KeepCheckpointThenGrowAsync(ledger);

        await ledger.TamperAsync($"UPDATE {ledger.Schema.Events} SET data = jsonb_set(data, '{{Summary}}', '\"Nothing was promised\"') WHERE seq_id = 4");
        await Attacker.RecomputeLeafAsync(ledger, 4);
        await Attacker.ResignCheckpointsAsync(ledger, ledger.Key, rewrittenLeaf: 3);

        Assert.True((await ledger.Verifier().VerifyAsync()).IsIntact);
        var against = await ledger.Verifier().VerifyAsync(new VerifyOptions { Against = kept });
        Assert.False(against.IsIntact);
        Assert.False(against.Consistency!.IsConsistent);
        Assert.Contains("history before your checkpoint was rewritten", against.Consistency.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_event_deleted_after_the_kept_checkpoint_is_not_called_consistent()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(ConsistencyTests));
        var kept = await KeepCheckpointThenGrowAsync(ledger);

        await ledger.TamperAsync($"DELETE FROM {ledger.Schema.Events} WHERE seq_id = 17");

        var report = await ledger.Verifier().VerifyAsync(new VerifyOptions { Against = kept });
        Assert.False(report.IsIntact);
        Assert.False(report.Consistency!.IsConsistent);
        Assert.DoesNotContain("extends your checkpoint", report.Consistency.Reason, StringComparison.Ordinal);
        Assert.Contains("not proven to extend your checkpoint", report.Consistency.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_log_cut_back_below_the_kept_checkpoint_is_refused()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(ConsistencyTests));
        var kept = await KeepCheckpointThenGrowAsync(ledger);

        await ledger.TamperAsync($"""
            DELETE FROM {ledger.Schema.Checkpoints};
            DELETE FROM {ledger.Schema.Leaves} WHERE leaf_index >= 5;
            DELETE FROM {ledger.Schema.Events} WHERE seq_id > 5;
            """);

        var report = await ledger.Verifier().VerifyAsync(new VerifyOptions { Against = kept });
        Assert.False(report.Consistency!.IsConsistent);
        Assert.Contains("cut back", report.Consistency.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_checkpoint_signed_by_another_key_is_refused()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(ConsistencyTests));
        var kept = await KeepCheckpointThenGrowAsync(ledger);
        using var otherKey = LedgerKey.Generate();

        var report = await ledger.Verifier().VerifyAsync(new VerifyOptions { Against = otherKey.Sign(kept.TreeSize, kept.RootHash, kept.Time) });

        Assert.False(report.Consistency!.IsConsistent);
        Assert.Contains("does not verify", report.Consistency.Reason, StringComparison.Ordinal);
    }

    private static async Task<Checkpoint> KeepCheckpointThenGrowAsync(TestLedger ledger)
    {
        var integrator = ledger.Integrator(new IntegratorOptions { CheckpointEveryEvents = 5 });
        await ledger.SeedAsync(10);
        await integrator.CheckpointNowAsync();
        var exported = await StoredCheckpoints.ExportLatestAsync(ledger.App, ledger.Schema);
        await ledger.SeedAsync(15);
        await integrator.CheckpointNowAsync();
        return Checkpoint.Parse(exported!);
    }
}
