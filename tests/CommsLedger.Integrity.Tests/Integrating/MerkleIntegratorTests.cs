using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Merkle;
using CommsLedger.Integrity.Storage;
using CommsLedger.Integrity.Tests.Fixtures;
using Marten.Services;
using Npgsql;

namespace CommsLedger.Integrity.Tests.Integrating;

[Collection(PostgresCollection.Name)]
public sealed class MerkleIntegratorTests(PostgresCluster cluster)
{
    private static readonly IntegratorOptions _noGrace = new() { GapGrace = TimeSpan.Zero };

    [Fact]
    public async Task integrating_adds_one_leaf_per_event_in_sequence_order_and_signs_the_root()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(MerkleIntegratorTests));
        await ledger.SeedAsync(10);

        var result = await ledger.Integrator(new IntegratorOptions { BatchSize = 3 }).CheckpointNowAsync();

        var sequences = await ListAsync<long>(ledger, $"SELECT seq_id FROM {ledger.Schema.Leaves} ORDER BY leaf_index");
        var eventSequences = await ListAsync<long>(ledger, $"SELECT seq_id FROM {ledger.Schema.Events} ORDER BY seq_id");
        Assert.Equal(eventSequences, sequences);
        Assert.NotNull(result);
        Assert.Equal(10, result.TreeSize);
        Assert.True(ledger.Key.PublicKey.Verifies(result));
        Assert.Equal(MerkleTree.RootHash(await LeafHashesAsync(ledger)), result.RootHash);
    }

    [Fact]
    public async Task integrating_again_adds_nothing()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(MerkleIntegratorTests));
        await ledger.SeedAsync(5);
        await ledger.Integrator().CatchUpAsync();

        var again = await ledger.Integrator().CatchUpAsync();

        Assert.Equal(0, again.LeavesAdded);
        Assert.Equal(5, again.TreeSize);
        Assert.Equal(5L, await ledger.ScalarAsync<long>($"SELECT count(*) FROM {ledger.Schema.Leaves}"));
    }

    [Fact]
    public async Task a_checkpoint_is_signed_every_n_events_and_after_t_seconds_for_the_rest()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(MerkleIntegratorTests));
        await ledger.SeedAsync(12);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var integrator = ledger.Integrator(new IntegratorOptions { BatchSize = 5, CheckpointEveryEvents = 5, CheckpointEvery = TimeSpan.FromMinutes(1) }, clock);

        await integrator.CatchUpAsync();
        Assert.Equal([5L, 10L], await ListAsync<long>(ledger, $"SELECT tree_size FROM {ledger.Schema.Checkpoints} ORDER BY tree_size"));

        clock.Advance(TimeSpan.FromSeconds(61));
        var late = await integrator.IntegrateOnceAsync();
        Assert.Equal(12, late.Checkpoint?.TreeSize);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), late.Checkpoint!.Time.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task a_hole_left_by_a_failed_append_is_skipped_once_no_running_transaction_can_fill_it()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(MerkleIntegratorTests));
        await ledger.SeedAsync(2);
        var burnt = await ledger.ScalarAsync<long>($"SELECT nextval('{ledger.Schema.Name}.mt_events_sequence')");
        await ledger.SeedAsync(2);
        var integrator = ledger.Integrator(_noGrace);

        var first = await integrator.IntegrateOnceAsync();
        var second = await integrator.CatchUpAsync();

        Assert.Equal(burnt, first.WaitingForSequence);
        Assert.Equal(2, first.TreeSize);
        Assert.Equal(4, second.TreeSize);
        Assert.Null(second.WaitingForSequence);
    }

    [Fact]
    public async Task a_hole_is_not_skipped_before_the_grace_period_has_passed()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(MerkleIntegratorTests));
        await ledger.SeedAsync(1);
        await ledger.ScalarAsync<long>($"SELECT nextval('{ledger.Schema.Name}.mt_events_sequence')");
        await ledger.SeedAsync(1);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var integrator = ledger.Integrator(new IntegratorOptions { GapGrace = TimeSpan.FromSeconds(5) }, clock);

        await integrator.CatchUpAsync();
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1, (await integrator.CatchUpAsync()).TreeSize);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await integrator.CatchUpAsync()).TreeSize);
    }

    [Fact]
    public async Task one_shot_runs_get_past_a_hole_left_by_a_rolled_back_append_once_the_grace_period_has_passed_between_them()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(MerkleIntegratorTests));
        await ledger.SeedAsync(2);
        long burnt;
        await using (var connection = await ledger.Owner.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var take = new NpgsqlCommand($"SELECT nextval('{ledger.Schema.Name}.mt_events_sequence')", connection, transaction);
            burnt = (long)(await take.ExecuteScalarAsync())!;
            await transaction.RollbackAsync();
        }

        await ledger.SeedAsync(3);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var options = new IntegratorOptions { GapGrace = TimeSpan.FromSeconds(5) };

        // Each run is a new integrator, as each `commsledger integrate` is a new process.
        var first = await ledger.Integrator(options, clock).CatchUpAsync();
        clock.Advance(TimeSpan.FromSeconds(3));
        var tooSoon = await ledger.Integrator(options, clock).CatchUpAsync();
        clock.Advance(TimeSpan.FromSeconds(3));
        var after = await ledger.Integrator(options, clock).CatchUpAsync();

        Assert.Equal((2, burnt), (first.TreeSize, first.WaitingForSequence));
        Assert.Equal((2, burnt), (tooSoon.TreeSize, tooSoon.WaitingForSequence));
        Assert.Equal(5, after.TreeSize);
        Assert.Null(after.WaitingForSequence);
    }

    [Fact]
    public async Task an_append_still_in_flight_holds_the_log_back_until_it_commits()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(MerkleIntegratorTests));
        await ledger.SeedAsync(2);
        var integrator = ledger.Integrator(_noGrace);
        await using var connection = await ledger.App.OpenConnectionAsync();
        await using var inFlight = await connection.BeginTransactionAsync();
        await using (var session = ledger.AppStore.LightweightSession(SessionOptions.ForTransaction(inFlight)))
        {
            session.Events.Append(Guid.NewGuid(), new InteractionLogged(Guid.NewGuid(), "slow transaction", ["CN"]));
            await session.SaveChangesAsync();
        }

        await ledger.SeedAsync(1);
        var whileRunning = await integrator.CatchUpAsync();
        var stillRunning = await integrator.CatchUpAsync();
        await inFlight.CommitAsync();
        var afterCommit = await integrator.CatchUpAsync();

        Assert.Equal(2, whileRunning.TreeSize);
        Assert.Equal(3, whileRunning.WaitingForSequence);
        Assert.Equal(2, stillRunning.TreeSize);
        Assert.Equal(4, afterCommit.TreeSize);
        Assert.Equal([1L, 2L, 3L, 4L], await ListAsync<long>(ledger, $"SELECT seq_id FROM {ledger.Schema.Leaves} ORDER BY leaf_index"));
    }

    [Fact]
    public async Task integrating_while_appends_and_another_integrator_run_gives_a_log_that_verifies()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(MerkleIntegratorTests));
        using var stop = new CancellationTokenSource();
        var options = new IntegratorOptions { PollInterval = TimeSpan.FromMilliseconds(20), GapGrace = TimeSpan.FromMilliseconds(200), CheckpointEveryEvents = 25 };
        var background = new[] { ledger.Integrator(options).RunAsync(ct: stop.Token), ledger.Integrator(options).RunAsync(ct: stop.Token) };

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ledger.SeedAsync(50, streams: 5))));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(background));
        var final = await ledger.Integrator(_noGrace).CheckpointNowAsync();
        var report = await ledger.Verifier().VerifyAsync();

        Assert.Equal(200, final?.TreeSize);
        Assert.True(report.IsIntact, string.Join("\n", report.Divergences));
        Assert.Equal(200, report.TreeSize);
    }

    [Fact]
    public async Task an_integrator_refuses_to_sign_on_top_of_leaves_rewritten_since_the_last_checkpoint()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(MerkleIntegratorTests));
        await ledger.SeedAsync(6);
        await ledger.Integrator().CheckpointNowAsync();
        await ledger.TamperAsync($"UPDATE {ledger.Schema.Events} SET data = jsonb_set(data, '{{Summary}}', '\"Rewritten\"') WHERE seq_id = 2");
        await Attacker.RecomputeLeafAsync(ledger, 2);
        await ledger.SeedAsync(1);

        var refused = await Assert.ThrowsAsync<LogTamperedException>(() => ledger.Integrator().CatchUpAsync());

        Assert.Contains("tree size 6", refused.Message, StringComparison.Ordinal);
        Assert.Equal(6L, await ledger.ScalarAsync<long>($"SELECT max(tree_size) FROM {ledger.Schema.Checkpoints}"));
    }

    private static async Task<List<T>> ListAsync<T>(TestLedger ledger, string sql)
    {
        await using var command = ledger.Superuser.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private static async Task<IReadOnlyList<Hash256>> LeafHashesAsync(TestLedger ledger) =>
        (await ListAsync<byte[]>(ledger, $"SELECT leaf_hash FROM {ledger.Schema.Leaves} ORDER BY leaf_index")).Select(h => Hash256.FromBytes(h)).ToList();
}
