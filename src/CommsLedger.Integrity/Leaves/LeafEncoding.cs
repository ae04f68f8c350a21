using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CommsLedger.Integrity.Merkle;

namespace CommsLedger.Integrity.Leaves;

/// <summary>
/// The canonical bytes of a leaf (format 1). All integers are big-endian; a <i>string</i> is a uint32 byte
/// length followed by that many UTF-8 bytes.
/// <code>
/// uint8    format            0x01
/// int64    sequence          mt_events.seq_id
/// 16 bytes event id          mt_events.id, RFC 9562 byte order (as the text form reads)
/// 16 bytes stream id         mt_events.stream_id, same order
/// int64    version           mt_events.version
/// string   event type        mt_events.type, e.g. "interaction_logged.v1"
/// int64    recorded at       mt_events.timestamp, microseconds since 1970-01-01T00:00:00Z
/// uint8    has user          0x00 (user_name is NULL) or 0x01, then: string user name
/// string   classification    headers->>'classification', or "UNCLASSIFIED" when absent
/// 32 bytes payload hash      see <see cref="PayloadHash(string, byte[])"/>
/// </code>
/// The leaf hash is SHA-256(0x00 ‖ these bytes), RFC 9162 §2.1.1. The payload enters only through its hash,
/// so a payload can later be dropped under a retention rule while the leaf, and so the log, still verifies.
/// </summary>
public static class LeafEncoding
{
    public const byte FormatVersion = 1;

    private const byte NoUser = 0x00;
    private const byte HasUser = 0x01;
    private const byte BinaryPayloadMarker = 0xFF;

    /// <summary>
    /// SHA-256 over the UTF-8 text PostgreSQL renders for the <c>data</c> jsonb column (jsonb is stored
    /// normalised, so the rendering is deterministic). Events Marten stores in binary form (<c>bdata</c> not null)
    /// hash as SHA-256(0xFF ‖ bdata); 0xFF never starts UTF-8 text, so the two kinds cannot collide.
    /// </summary>
    public static Hash256 PayloadHash(string json, byte[]? binary)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (binary is not null)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData([BinaryPayloadMarker]);
            hash.AppendData(binary);
            return Hash256.FromBytes(hash.GetHashAndReset());
        }

        return Hash256.Of(Encoding.UTF8.GetBytes(json));
    }

    public static byte[] Encode(EventEnvelope envelope, Hash256 payloadHash)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var type = Encoding.UTF8.GetBytes(envelope.EventType);
        var user = envelope.UserName is null ? null : Encoding.UTF8.GetBytes(envelope.UserName);
        var classification = Encoding.UTF8.GetBytes(envelope.Classification);
        var length = 1 + 8 + 16 + 16 + 8 + (4 + type.Length) + 8 + 1 + (user is null ? 0 : 4 + user.Length)
                     + (4 + classification.Length) + Hash256.Size;

        var bytes = new byte[length];
        var writer = new SpanWriter(bytes);
        writer.Byte(FormatVersion);
        writer.Int64(envelope.Sequence);
        writer.Guid(envelope.EventId);
        writer.Guid(envelope.StreamId);
        writer.Int64(envelope.Version);
        writer.String(type);
        writer.Int64(envelope.RecordedAtMicroseconds);
        writer.Byte(user is null ? NoUser : HasUser);
        if (user is not null)
        {
            writer.String(user);
        }

        writer.String(classification);
        writer.Raw(payloadHash.Bytes);
        return bytes;
    }

    public static Hash256 LeafHash(EventEnvelope envelope, Hash256 payloadHash) => TreeHashing.HashLeaf(Encode(envelope, payloadHash));

    /// <summary>Reads back stored leaf bytes, so a verifier can say which field of an event no longer matches.</summary>
    public static (EventEnvelope Envelope, Hash256 PayloadHash) Decode(ReadOnlySpan<byte> leafData)
    {
        var reader = new SpanReader(leafData);
        var format = reader.Byte();
        if (format != FormatVersion)
        {
            throw new FormatException($"Unknown leaf format {format}.");
        }

        var sequence = reader.Int64();
        var eventId = reader.Guid();
        var streamId = reader.Guid();
        var version = reader.Int64();
        var type = reader.String();
        var recordedAt = EventEnvelope.FromMicroseconds(reader.Int64());
        var user = reader.Byte() switch
        {
            NoUser => null,
            HasUser => reader.String(),
            var flag => throw new FormatException($"Bad user flag {flag}."),
        };
        var classification = reader.String();
        var payloadHash = Hash256.FromBytes(reader.Raw(Hash256.Size));
        reader.EnsureEnd();
        return (new EventEnvelope(sequence, eventId, streamId, version, type, recordedAt, user, classification), payloadHash);
    }

    private ref struct SpanWriter(Span<byte> span)
    {
        private readonly Span<byte> _span = span;
        private int _at;

        public void Byte(byte value) => _span[_at++] = value;

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64BigEndian(_span[_at..], value);
            _at += 8;
        }

        public void Guid(Guid value)
        {
            value.TryWriteBytes(_span[_at..], bigEndian: true, out _);
            _at += 16;
        }

        public void String(ReadOnlySpan<byte> utf8)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_span[_at..], (uint)utf8.Length);
            _at += 4;
            Raw(utf8);
        }

        public void Raw(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_span[_at..]);
            _at += bytes.Length;
        }
    }

    private ref struct SpanReader(ReadOnlySpan<byte> span)
    {
        private readonly ReadOnlySpan<byte> _span = span;
        private int _at;

        public byte Byte() => _span[_at++];

        public long Int64()
        {
            var value = BinaryPrimitives.ReadInt64BigEndian(Raw(8));
            return value;
        }

        public Guid Guid() => new(Raw(16), bigEndian: true);

        public string String()
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(Raw(4));
            return Encoding.UTF8.GetString(Raw(checked((int)length)));
        }

        public ReadOnlySpan<byte> Raw(int count)
        {
            if (_at + count > _span.Length)
            {
                throw new FormatException("Leaf data ends early.");
            }

            var slice = _span.Slice(_at, count);
            _at += count;
            return slice;
        }

        public readonly void EnsureEnd()
        {
            if (_at != _span.Length)
            {
                throw new FormatException("Leaf data has trailing bytes.");
            }
        }
    }
}
