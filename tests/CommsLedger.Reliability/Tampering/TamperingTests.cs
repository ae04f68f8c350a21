using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Leaves;
using CommsLedger.Integrity.Merkle;
using CommsLedger.Integrity.Storage;
using CommsLedger.Integrity.Verifying;
using Npgsql;
using Xunit.Abstractions;

namespace CommsLedger.Reliability.Tampering;

/// <summary>
/// Each kind of tampering a database superuser can do, on its own copy of one integrated ledger, must be found by verify
/// and placed: the event's sequence, or the range between two checkpoints, or — for a log rebuilt and re-signed with a
/// stolen key — the checkpoint a reviewer kept.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TamperingTests(PostgresCluster postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const long Target = 25;
    private TamperedLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TamperedLedger.CreateAsync(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task every_kind_of_tampering_is_detected_and_placed()
    {
        var untouched = await _ledger.VerifyAsync(await _ledger.CopyAsync(_ledger.Database + "_clean"), _ledger.Kept);
        Assert.True(untouched.IsIntact, string.Join("\n", untouched.Divergences));

        await Detects("payload edit", $"update commsledger.mt_events set data = data || '{{\"forged\": true}}' where seq_id = {Target}",
            DivergenceKind.EventChanged, Target, EnvelopeComparison.Payload);
        await Detects("header downgrade", $"update commsledger.mt_events set headers = jsonb_set(headers, '{{classification}}', '\"UNCLASSIFIED\"') where seq_id = {_ledger.SecretEvent}",
            DivergenceKind.EventChanged, _ledger.SecretEvent, EnvelopeComparison.Classification);
        await Detects("delete", $"delete from commsledger.mt_events where seq_id = {Target}", DivergenceKind.EventMissing, Target);
        await Detects("reorder", $"""
            update commsledger.mt_events set seq_id = -1 where seq_id = {Target};
            update commsledger.mt_events set seq_id = {Target} where seq_id = {Target + 3};
            update commsledger.mt_events set seq_id = {Target + 3} where seq_id = -1;
            """, DivergenceKind.EventChanged, Target, EnvelopeComparison.EventId);
        await Detects("insert into a hole", Forged($"{_ledger.Hole}", $"(select timestamp from commsledger.mt_events where seq_id = {_ledger.Hole - 1})"),
            DivergenceKind.EventNotInLog, _ledger.Hole);
        var tail = await Detects("backdated insert", Forged("nextval('commsledger.mt_events_sequence')", "now() - interval '10 days'"), DivergenceKind.RecordedTimeGoesBack, null);
        await RewriteWithRecomputedLeavesIsPlacedBetweenCheckpoints();
        await ResignedLogIsCaughtByTheKeptCheckpoint();
        output.WriteLine($"8 kinds of tampering detected and placed; the backdated insert at sequence {tail}");
    }

    private async Task<long?> Detects(string kind, string sql, DivergenceKind expected, long? sequence, string? field = null)
    {
        var copy = await Tampered(kind, sql);
        var report = await _ledger.VerifyAsync(copy);
        var first = report.FirstDivergence;
        output.WriteLine($"{kind}: {first?.Message ?? "NOT DETECTED"}");
        Assert.NotNull(first);
        Assert.Equal(expected, first.Kind);
        if (sequence is { } at)
        {
            Assert.Equal(at, first.Sequence);
        }

        if (field is not null)
        {
            Assert.Contains(field, first.Fields);
        }

        return first.Sequence;
    }

    /// <summary>The attacker edits an event and rewrites its leaf to match, but cannot sign: the checkpoints place the rewrite.</summary>
    private async Task RewriteWithRecomputedLeavesIsPlacedBetweenCheckpoints()
    {
        var copy = await Tampered("recomputed leaf", $"update commsledger.mt_events set data = data || '{{\"forged\": true}}' where seq_id = {Target}");
        await RecomputeLeaf(copy, Target);
        var leaf = await Scalar<long>(copy, $"select leaf_index from commsledger.ledger_leaves where seq_id = {Target}");

        var report = await _ledger.VerifyAsync(copy);

        var first = report.FirstDivergence!;
        output.WriteLine($"rewrite with recomputed leaves: {first.Message}");
        Assert.DoesNotContain(report.Divergences, d => d.Kind == DivergenceKind.EventChanged);
        Assert.Equal(DivergenceKind.CheckpointRootMismatch, first.Kind);
        Assert.InRange(leaf, first.LeafIndex!.Value, first.TreeSize!.Value - 1);
    }

    /// <summary>With the ledger's key stolen, the attacker rebuilds and re-signs the whole log: verify alone is satisfied,
    /// the checkpoint kept outside is not.</summary>
    private async Task ResignedLogIsCaughtByTheKeptCheckpoint()
    {
        var copy = await Tampered("re-signed log", $$"""
            update commsledger.mt_events set data = data || '{"forged": true}' where seq_id = {{Target}};
            delete from commsledger.ledger_leaves; delete from commsledger.ledger_checkpoints; delete from commsledger.ledger_sequence_gaps;
            """);
        await using (var dataSource = NpgsqlDataSource.Create(copy))
        {
            var integrator = new MerkleIntegrator(dataSource, _ledger.Key, new IntegratorOptions { GapGrace = TimeSpan.Zero });
            await integrator.CatchUpAsync();
            await integrator.CatchUpAsync();
            await integrator.CheckpointNowAsync();
        }

        var alone = await _ledger.VerifyAsync(copy);
        var against = await _ledger.VerifyAsync(copy, _ledger.Kept);

        output.WriteLine($"re-signed checkpoints vs a kept checkpoint: {against.Consistency!.Reason}");
        Assert.True(alone.IsIntact, string.Join("\n", alone.Divergences));
        Assert.False(against.IsIntact);
        Assert.False(against.Consistency.IsConsistent);
        Assert.Contains($"The first {_ledger.Kept.TreeSize} events no longer hash to the root you hold", against.Consistency.Reason, StringComparison.Ordinal);
    }

    private async Task<string> Tampered(string kind, string sql)
    {
        var copy = await _ledger.CopyAsync($"{_ledger.Database}_{kind.Replace(' ', '_').Replace('-', '_')}");
        await using var connection = new NpgsqlConnection(copy);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"set session_replication_role = replica; {sql}", connection);
        await command.ExecuteNonQueryAsync();
        return copy;
    }

    private static string Forged(string sequence, string timestamp) => $$"""
        insert into commsledger.mt_events (seq_id, id, stream_id, version, data, type, timestamp, headers, user_name, tenant_id)
        select {{sequence}}, gen_random_uuid(), stream_id, max(version) + 1, '{"note": "forged", "asOf": "2021-01-01", "relationships": []}',
               'pledge_progress_noted.v1', {{timestamp}}, '{"classification": "UNCLASSIFIED"}', 'rita', '*DEFAULT*'
        from commsledger.mt_events where type = 'pledge_made.v1' group by stream_id limit 1
        """;

    private static async Task RecomputeLeaf(string copy, long sequence)
    {
        await using var connection = new NpgsqlConnection(copy);
        await connection.OpenAsync();
        byte[] leafData;
        string json;
        await using (var read = new NpgsqlCommand(
            $"select l.leaf_data, e.data from commsledger.ledger_leaves l join commsledger.mt_events e using (seq_id) where seq_id = {sequence}", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (leafData, json) = (reader.GetFieldValue<byte[]>(0), reader.GetString(1));
        }

        var forged = LeafEncoding.Encode(LeafEncoding.Decode(leafData).Envelope, LeafEncoding.PayloadHash(json, null));
        await using var write = new NpgsqlCommand(
            "update commsledger.ledger_leaves set leaf_data = $1, leaf_hash = $2 where seq_id = $3", connection);
        write.Parameters.Add(new NpgsqlParameter { Value = forged });
        write.Parameters.Add(new NpgsqlParameter { Value = TreeHashing.HashLeaf(forged).ToArray() });
        write.Parameters.Add(new NpgsqlParameter { Value = sequence });
        await write.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(string connectionString, string sql) => await Support.LedgerEvents.Scalar<T>(connectionString, sql);
}
