using System.Text;
using CommsLedger.Integrity.Leaves;
using CommsLedger.Integrity.Merkle;
using Npgsql;

namespace CommsLedger.Integrity.Storage;

/// <summary>Reads rows of <c>mt_events</c> as the log sees them: envelope plus payload hash.</summary>
internal static class StoredEvents
{
    private const byte _jsonbFormatVersion = 1;

    public static string Select(LedgerSchema schema, string whereAndOrder) => $"""
        SELECT seq_id, id, stream_id, version, type, timestamp, user_name,
               headers ->> 'classification', data, bdata
        FROM {schema.Events}
        {whereAndOrder}
        """;

    /// <summary>Reads the current row in full; columns are read in order (the command may use sequential access).</summary>
    public static StoredEvent Read(NpgsqlDataReader reader)
    {
        var envelope = ReadEnvelope(reader);
        byte[] json = [];
        var length = ReadJsonb(reader, ref json);
        Array.Resize(ref json, length);
        var binary = ReadBinary(reader);
        return new StoredEvent(envelope, json, binary, LeafEncoding.PayloadHash(json, binary));
    }

    /// <summary>Reads the current row down to its leaf hash, reusing <paramref name="scratch"/> for the payload.</summary>
    public static EventDigest ReadDigest(NpgsqlDataReader reader, ref byte[] scratch)
    {
        var envelope = ReadEnvelope(reader);
        var length = ReadJsonb(reader, ref scratch);
        var payloadHash = LeafEncoding.PayloadHash(scratch.AsSpan(0, length), ReadBinary(reader));
        return new EventDigest(envelope.Sequence, envelope.EventId, envelope.StreamId, envelope.RecordedAt, LeafEncoding.LeafHash(envelope, payloadHash));
    }

    private static EventEnvelope ReadEnvelope(NpgsqlDataReader reader) => new(
        Sequence: reader.GetInt64(0),
        EventId: reader.GetGuid(1),
        StreamId: reader.GetGuid(2),
        Version: reader.GetInt64(3),
        EventType: reader.GetString(4),
        RecordedAt: new DateTimeOffset(reader.GetFieldValue<DateTime>(5), TimeSpan.Zero),
        UserName: reader.IsDBNull(6) ? null : reader.GetString(6),
        Classification: reader.IsDBNull(7) ? EventEnvelope.DefaultClassification : reader.GetString(7));

    /// <summary>The jsonb column's text exactly as PostgreSQL renders it, without decoding it to a string: jsonb's
    /// binary wire format is a version byte (1) followed by that UTF-8 text.</summary>
    private static int ReadJsonb(NpgsqlDataReader reader, ref byte[] buffer)
    {
        using var stream = reader.GetStream(8);
        var length = checked((int)stream.Length);
        if (length < 1 || stream.ReadByte() != _jsonbFormatVersion)
        {
            throw new NotSupportedException("Unexpected jsonb wire format for mt_events.data.");
        }

        if (buffer.Length < length - 1)
        {
            buffer = new byte[Math.Max(length - 1, buffer.Length * 2)];
        }

        stream.ReadExactly(buffer, 0, length - 1);
        return length - 1;
    }

    private static byte[]? ReadBinary(NpgsqlDataReader reader) => reader.IsDBNull(9) ? null : reader.GetFieldValue<byte[]>(9);
}

internal sealed record StoredEvent(EventEnvelope Envelope, byte[] JsonUtf8, byte[]? Binary, Hash256 PayloadHash)
{
    public string Json => Encoding.UTF8.GetString(JsonUtf8);

    public byte[] LeafData() => LeafEncoding.Encode(Envelope, PayloadHash);
}

/// <summary>An event reduced to what the verifier's merge needs.</summary>
internal readonly record struct EventDigest(long Sequence, Guid EventId, Guid StreamId, DateTimeOffset RecordedAt, Hash256 LeafHash);

/// <summary>A leaf row reduced to what the verifier's merge needs.</summary>
internal readonly record struct LeafDigest(long LeafIndex, long Sequence, Hash256 LeafHash);
