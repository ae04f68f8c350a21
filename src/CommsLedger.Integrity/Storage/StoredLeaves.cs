using CommsLedger.Integrity.Merkle;
using Npgsql;

namespace CommsLedger.Integrity.Storage;

/// <summary>Reads the log's own rows.</summary>
internal static class StoredLeaves
{
    public static async Task<(long TreeSize, long LastSequence)> TipAsync(NpgsqlConnection connection, LedgerSchema schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT leaf_index, seq_id FROM {schema.Leaves} ORDER BY leaf_index DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0) + 1, reader.GetInt64(1)) : (0, 0);
    }

    /// <summary>The sequence and recorded time of the log's last event, as its leaf recorded them; null for an empty log.</summary>
    public static async Task<(long Sequence, DateTimeOffset RecordedAt)?> LastRecordedAsync(NpgsqlConnection connection, LedgerSchema schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT leaf_data FROM {schema.Leaves} ORDER BY leaf_index DESC LIMIT 1", connection);
        if (await command.ExecuteScalarAsync(ct) is not byte[] leafData)
        {
            return null;
        }

        try
        {
            var envelope = Leaves.LeafEncoding.Decode(leafData).Envelope;
            return (envelope.Sequence, envelope.RecordedAt);
        }
        catch (FormatException)
        {
            // Bytes that do not decode are verify's to report (LeafCorrupted); there is then no time to compare with.
            return null;
        }
    }

    /// <summary>The hashes of leaves 0, 1, 2… up to <paramref name="count"/>, stopping early at a missing leaf.</summary>
    public static async Task<LeafHashList> HashesAsync(NpgsqlConnection connection, LedgerSchema schema, long count, CancellationToken ct)
    {
        var hashes = new LeafHashList(checked((int)Math.Max(count, 1)));
        await using var command = new NpgsqlCommand(
            $"SELECT leaf_index, leaf_hash FROM {schema.Leaves} WHERE leaf_index < $1 ORDER BY leaf_index", connection)
        {
            Parameters = { new() { Value = count } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (reader.GetInt64(0) != hashes.Count)
            {
                break;
            }

            hashes.Add(reader.GetFieldValue<byte[]>(1));
        }

        return hashes;
    }
}
