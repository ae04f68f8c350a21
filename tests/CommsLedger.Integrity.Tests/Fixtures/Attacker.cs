using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Leaves;
using CommsLedger.Integrity.Merkle;
using Npgsql;

namespace CommsLedger.Integrity.Tests.Fixtures;

/// <summary>A superuser who knows the leaf format and the tree algorithm, and rewrites the log to match a forged event.</summary>
public static class Attacker
{
    /// <summary>Recomputes the leaf of the event at <paramref name="sequence"/> from the event as it now is.</summary>
    public static async Task RecomputeLeafAsync(TestLedger ledger, long sequence)
    {
        var (leafData, json) = await ReadAsync(ledger, sequence);
        var (envelope, _) = LeafEncoding.Decode(leafData);
        var forged = LeafEncoding.Encode(envelope, LeafEncoding.PayloadHash(json, null));
        await using var connection = await TriggersOffAsync(ledger);
        await using var command = new NpgsqlCommand(
            $"UPDATE {ledger.Schema.Leaves} SET leaf_data = $1, leaf_hash = $2 WHERE seq_id = $3", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = forged });
        command.Parameters.Add(new NpgsqlParameter { Value = TreeHashing.HashLeaf(forged).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = sequence });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Recomputes the root of every stored checkpoint that covers <paramref name="rewrittenLeaf"/> from the stored
    /// leaves and signs it with <paramref name="key"/>; the older ones are left as they were.</summary>
    public static async Task ResignCheckpointsAsync(TestLedger ledger, LedgerKey key, long rewrittenLeaf)
    {
        var leaves = new List<Hash256>();
        await using (var read = ledger.Superuser.CreateCommand($"SELECT leaf_hash FROM {ledger.Schema.Leaves} ORDER BY leaf_index"))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                leaves.Add(Hash256.FromBytes(reader.GetFieldValue<byte[]>(0)));
            }
        }

        var sizes = new List<long>();
        await using (var read = ledger.Superuser.CreateCommand($"SELECT tree_size FROM {ledger.Schema.Checkpoints} WHERE tree_size > {rewrittenLeaf}"))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                sizes.Add(reader.GetInt64(0));
            }
        }

        await using var connection = await TriggersOffAsync(ledger);
        foreach (var size in sizes)
        {
            var checkpoint = key.Sign(size, MerkleTree.RootHash(leaves, size), DateTimeOffset.UtcNow);
            await using var update = new NpgsqlCommand(
                $"UPDATE {ledger.Schema.Checkpoints} SET root_hash = $1, key_id = $2, checkpoint = $3 WHERE tree_size = $4",
                connection);
            update.Parameters.Add(new NpgsqlParameter { Value = checkpoint.RootHash.ToArray() });
            update.Parameters.Add(new NpgsqlParameter { Value = checkpoint.KeyId });
            update.Parameters.Add(new NpgsqlParameter { Value = checkpoint.ToText() });
            update.Parameters.Add(new NpgsqlParameter { Value = size });
            await update.ExecuteNonQueryAsync();
        }
    }

    private static async Task<NpgsqlConnection> TriggersOffAsync(TestLedger ledger)
    {
        var connection = await ledger.Superuser.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SET session_replication_role = replica", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<(byte[] LeafData, string Json)> ReadAsync(TestLedger ledger, long sequence)
    {
        await using var command = ledger.Superuser.CreateCommand(
            $"SELECT l.leaf_data, e.data FROM {ledger.Schema.Leaves} l JOIN {ledger.Schema.Events} e USING (seq_id) WHERE seq_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = sequence });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetFieldValue<byte[]>(0), reader.GetString(1));
    }
}
