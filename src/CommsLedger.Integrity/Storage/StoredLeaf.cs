using Npgsql;

namespace CommsLedger.Integrity.Storage;

/// <summary>A row of <c>ledger_leaves</c> as read, before any check.</summary>
internal sealed record StoredLeaf(long LeafIndex, long Sequence, Guid EventId, byte[] LeafData, byte[] LeafHash)
{
    public static string Select(LedgerSchema schema, string whereAndOrder) =>
        $"SELECT leaf_index, seq_id, event_id, leaf_data, leaf_hash FROM {schema.Leaves} {whereAndOrder}";

    public static StoredLeaf Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        reader.GetGuid(2),
        reader.GetFieldValue<byte[]>(3),
        reader.GetFieldValue<byte[]>(4));
}
