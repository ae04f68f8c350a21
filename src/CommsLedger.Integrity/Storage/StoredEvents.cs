using CommsLedger.Integrity.Leaves;
using CommsLedger.Integrity.Merkle;
using Npgsql;

namespace CommsLedger.Integrity.Storage;

/// <summary>Reads rows of <c>mt_events</c> as the log sees them: envelope plus payload hash.</summary>
internal static class StoredEvents
{
    public static string Select(LedgerSchema schema, string whereAndOrder) => $"""
        SELECT seq_id, id, stream_id, version, type, timestamp, user_name,
               headers ->> 'classification', data, bdata
        FROM {schema.Events}
        {whereAndOrder}
        """;

    /// <summary>Reads the current row; columns must be read in order (the command may use sequential access).</summary>
    public static StoredEvent Read(NpgsqlDataReader reader)
    {
        var envelope = new EventEnvelope(
            Sequence: reader.GetInt64(0),
            EventId: reader.GetGuid(1),
            StreamId: reader.GetGuid(2),
            Version: reader.GetInt64(3),
            EventType: reader.GetString(4),
            RecordedAt: new DateTimeOffset(reader.GetFieldValue<DateTime>(5), TimeSpan.Zero),
            UserName: reader.IsDBNull(6) ? null : reader.GetString(6),
            Classification: reader.IsDBNull(7) ? EventEnvelope.DefaultClassification : reader.GetString(7));
        var json = reader.GetString(8);
        var binary = reader.IsDBNull(9) ? null : reader.GetFieldValue<byte[]>(9);
        return new StoredEvent(envelope, json, binary, LeafEncoding.PayloadHash(json, binary));
    }
}

internal sealed record StoredEvent(EventEnvelope Envelope, string Json, byte[]? Binary, Hash256 PayloadHash)
{
    public byte[] LeafData() => LeafEncoding.Encode(Envelope, PayloadHash);
}
