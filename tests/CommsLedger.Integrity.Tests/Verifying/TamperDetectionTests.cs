using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Leaves;
using CommsLedger.Integrity.Tests.Fixtures;
using CommsLedger.Integrity.Verifying;

namespace CommsLedger.Integrity.Tests.Verifying;

/// <summary>
/// Twenty events, sequence 11 lost to a failed append, checkpoints signed at 5, 10, 15 and 20 leaves.
/// Sequence 7 is leaf 6, between the checkpoints at 5 and 10. Each test tampers as a superuser with triggers off.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TamperDetectionTests(PostgresCluster cluster)
{
    private const long _target = 7;
    private const long _targetLeaf = 6;

    [Fact]
    public async Task an_untouched_ledger_with_a_failed_append_in_it_verifies_clean()
    {
        await using var ledger = await LedgerAsync();
        var progress = new List<VerifyProgress>();

        var report = await ledger.Verifier().VerifyAsync(new VerifyOptions { ProgressInterval = TimeSpan.Zero }, new SynchronousProgress<VerifyProgress>(progress.Add));

        Assert.True(report.IsIntact, string.Join("\n", report.Divergences));
        Assert.Equal(20, report.EventsRead);
        Assert.Equal(20, report.TreeSize);
        Assert.Equal(4, report.CheckpointsVerified);
        Assert.Equal(20, report.LatestCheckpoint?.TreeSize);
        Assert.Equal(report.RootHash, report.LatestCheckpoint?.RootHash);
        Assert.Equal(0, report.PendingEvents);
        Assert.Equal(20, progress[^1].EventsRead);
    }

    [Fact]
    public async Task changing_one_payload_field_is_reported_at_its_sequence_as_a_payload_change()
    {
        await using var ledger = await LedgerAsync();
        var stream = await StreamOfAsync(ledger, _target);

        await ledger.TamperAsync($"UPDATE {ledger.Schema.Events} SET data = jsonb_set(data, '{{Summary}}', '\"No call took place\"') WHERE seq_id = {_target}");

        var first = await FirstDivergenceAsync(ledger);
        Assert.Equal(DivergenceKind.EventChanged, first.Kind);
        Assert.Equal(_target, first.Sequence);
        Assert.Equal(_targetLeaf, first.LeafIndex);
        Assert.Equal(stream, first.StreamId);
        Assert.Equal([EnvelopeComparison.Payload], first.Fields);
    }

    [Fact]
    public async Task changing_a_timestamp_is_reported_at_its_sequence_as_a_timestamp_change()
    {
        await using var ledger = await LedgerAsync();

        await ledger.TamperAsync($"UPDATE {ledger.Schema.Events} SET timestamp = timestamp - interval '1 day' WHERE seq_id = {_target}");

        var first = await FirstDivergenceAsync(ledger);
        Assert.Equal(DivergenceKind.EventChanged, first.Kind);
        Assert.Equal(_target, first.Sequence);
        Assert.Equal([EnvelopeComparison.RecordedAt], first.Fields);
    }

    [Fact]
    public async Task changing_a_classification_header_is_reported_as_a_classification_change()
    {
        await using var ledger = await LedgerAsync();

        await ledger.TamperAsync($"UPDATE {ledger.Schema.Events} SET headers = '{{\"classification\": \"UNCLASSIFIED\"}}' WHERE seq_id = 8");

        var first = await FirstDivergenceAsync(ledger);
        Assert.Equal(8, first.Sequence);
        Assert.Equal([EnvelopeComparison.Classification], first.Fields);
    }

    [Fact]
    public async Task deleting_an_event_is_reported_at_its_sequence_as_missing()
    {
        await using var ledger = await LedgerAsync();
        var stream = await StreamOfAsync(ledger, _target);

        await ledger.TamperAsync($"DELETE FROM {ledger.Schema.Events} WHERE seq_id = {_target}");

        var first = await FirstDivergenceAsync(ledger);
        Assert.Equal(DivergenceKind.EventMissing, first.Kind);
        Assert.Equal(_target, first.Sequence);
        Assert.Equal(_targetLeaf, first.LeafIndex);
        Assert.Equal(stream, first.StreamId);
    }

    [Fact]
    public async Task swapping_two_events_is_reported_at_the_first_of_them()
    {
        await using var ledger = await LedgerAsync();

        await ledger.TamperAsync($"""
            UPDATE {ledger.Schema.Events} SET seq_id = -1 WHERE seq_id = {_target};
            UPDATE {ledger.Schema.Events} SET seq_id = {_target} WHERE seq_id = 13;
            UPDATE {ledger.Schema.Events} SET seq_id = 13 WHERE seq_id = -1;
            """);

        var report = await ledger.Verifier().VerifyAsync();
        var first = report.FirstDivergence!;
        Assert.Equal(DivergenceKind.EventChanged, first.Kind);
        Assert.Equal(_target, first.Sequence);
        Assert.Contains(EnvelopeComparison.EventId, first.Fields);
        Assert.Contains(report.Divergences, d => d is { Kind: DivergenceKind.EventChanged, Sequence: 13 });
    }

    [Fact]
    public async Task inserting_a_forged_event_into_the_hole_is_reported_at_its_sequence()
    {
        await using var ledger = await LedgerAsync();
        var stream = await StreamOfAsync(ledger, _target);

        await ledger.TamperAsync($$"""
            INSERT INTO {{ledger.Schema.Events}} (seq_id, id, stream_id, version, data, type, timestamp, headers, user_name)
            VALUES (11, gen_random_uuid(), '{{stream}}', 1000, '{"By": "PE", "To": "CN", "Clause": "cede the port"}', 'commitment_made.v1',
                    now() - interval '1 year', '{"classification": "SECRET"}', 'officer0')
            """);

        var report = await ledger.Verifier().VerifyAsync();
        Assert.Equal([DivergenceKind.EventNotInLog, DivergenceKind.RecordedTimeGoesBack], report.Divergences.Select(d => d.Kind));
        Assert.All(report.Divergences, d => Assert.Equal(11, d.Sequence));
        Assert.Equal(stream, report.FirstDivergence!.StreamId);
    }

    [Fact]
    public async Task truncating_and_re_appending_is_reported_at_the_first_sequence()
    {
        await using var ledger = await LedgerAsync();

        await ledger.TamperAsync($"TRUNCATE {ledger.Schema.Events}, {ledger.Schema.Streams}; ALTER SEQUENCE {ledger.Schema.Name}.mt_events_sequence RESTART WITH 1");
        await ledger.SeedAsync(21);

        var first = await FirstDivergenceAsync(ledger);
        Assert.Equal(DivergenceKind.EventChanged, first.Kind);
        Assert.Equal(1, first.Sequence);
        Assert.Equal(0, first.LeafIndex);
        Assert.Contains(EnvelopeComparison.EventId, first.Fields);
    }

    [Fact]
    public async Task recomputing_the_leaves_and_re_signing_the_roots_without_the_private_key_is_located_between_two_checkpoints()
    {
        await using var ledger = await LedgerAsync();
        using var attackersKey = LedgerKey.Generate();

        await ledger.TamperAsync($"UPDATE {ledger.Schema.Events} SET data = jsonb_set(data, '{{Summary}}', '\"No call took place\"') WHERE seq_id = {_target}");
        await Attacker.RecomputeLeafAsync(ledger, _target);
        await Attacker.ResignCheckpointsAsync(ledger, attackersKey, _targetLeaf);

        var report = await ledger.Verifier().VerifyAsync();
        Assert.False(report.IsIntact);
        Assert.DoesNotContain(report.Divergences, d => d.Kind == DivergenceKind.EventChanged);
        var first = report.FirstDivergence!;
        Assert.Equal(DivergenceKind.CheckpointSignatureInvalid, first.Kind);
        Assert.Equal(10, first.TreeSize);
        Assert.Equal(5, first.LeafIndex);
        Assert.Contains("leaves [5, 10)", first.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.CheckpointsVerified);
    }

    [Fact]
    public async Task recomputing_the_leaves_but_keeping_the_signed_checkpoints_is_located_between_two_checkpoints()
    {
        await using var ledger = await LedgerAsync();

        await ledger.TamperAsync($"UPDATE {ledger.Schema.Events} SET data = jsonb_set(data, '{{Summary}}', '\"No call took place\"') WHERE seq_id = {_target}");
        await Attacker.RecomputeLeafAsync(ledger, _target);

        var report = await ledger.Verifier().VerifyAsync();
        var first = report.FirstDivergence!;
        Assert.Equal(DivergenceKind.CheckpointRootMismatch, first.Kind);
        Assert.Equal(10, first.TreeSize);
        Assert.Equal(5, first.LeafIndex);
        Assert.Contains("leaves [5, 10)", first.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.CheckpointsVerified);
    }

    [Fact]
    public async Task deleting_a_leaf_row_is_reported_at_its_sequence()
    {
        await using var ledger = await LedgerAsync();

        await ledger.TamperAsync($"DELETE FROM {ledger.Schema.Leaves} WHERE leaf_index = {_targetLeaf}");

        var first = await FirstDivergenceAsync(ledger);
        Assert.Equal(DivergenceKind.EventNotInLog, first.Kind);
        Assert.Equal(_target, first.Sequence);
    }

    [Fact]
    public async Task events_appended_since_the_last_round_are_pending_not_divergent()
    {
        await using var ledger = await LedgerAsync();

        await ledger.SeedAsync(3);

        var report = await ledger.Verifier().VerifyAsync();
        Assert.True(report.IsIntact);
        Assert.Equal(3, report.PendingEvents);
    }

    private async Task<TestLedger> LedgerAsync()
    {
        var ledger = await cluster.NewLedgerAsync(nameof(TamperDetectionTests));
        await ledger.SeedAsync(10);
        await ledger.ScalarAsync<long>($"SELECT nextval('{ledger.Schema.Name}.mt_events_sequence')");
        await ledger.SeedAsync(10);
        var integrator = ledger.Integrator(new IntegratorOptions { BatchSize = 5, CheckpointEveryEvents = 5, GapGrace = TimeSpan.Zero });
        await integrator.CatchUpAsync();
        await integrator.CatchUpAsync();
        return ledger;
    }

    private static async Task<Divergence> FirstDivergenceAsync(TestLedger ledger)
    {
        var report = await ledger.Verifier().VerifyAsync();
        Assert.False(report.IsIntact);
        return report.FirstDivergence!;
    }

    private static Task<Guid> StreamOfAsync(TestLedger ledger, long sequence) =>
        ledger.ScalarAsync<Guid>($"SELECT stream_id FROM {ledger.Schema.Events} WHERE seq_id = {sequence}");

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
