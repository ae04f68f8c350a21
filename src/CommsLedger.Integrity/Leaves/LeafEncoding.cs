using System.Buffers;
using System.Buffers.Binary;
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

    private const byte _noUser = 0x00;
    private const byte _hasUser = 0x01;
    private const byte _binaryPayloadMarker = 0xFF;

    /// <summary>
    /// SHA-256 over the UTF-8 text PostgreSQL renders for the <c>data</c> jsonb column (jsonb is stored
    /// normalised, so the rendering is deterministic). Events Marten stores in binary form (<c>bdata</c> not null)
    /// hash as SHA-256(0xFF ‖ bdata); 0xFF never starts UTF-8 text, so the two kinds cannot collide.
    /// </summary>
    public static Hash256 PayloadHash(string json, byte[]? binary)
    {
        ArgumentNullException.ThrowIfNull(json);
        return PayloadHash(Encoding.UTF8.GetBytes(json), binary);
    }

    public static Hash256 PayloadHash(ReadOnlySpan<byte> jsonUtf8, byte[]? binary)
    {
        if (binary is null)
        {
            return Hash256.Of(jsonUtf8);
        }

        var marked = new byte[binary.Length + 1];
        marked[0] = _binaryPayloadMarker;
        binary.CopyTo(marked, 1);
        return Hash256.Of(marked);
    }

    public static byte[] Encode(EventEnvelope envelope, Hash256 payloadHash)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var bytes = new byte[EncodedLength(envelope)];
        Write(envelope, payloadHash, bytes);
        return bytes;
    }

    /// <summary>SHA-256(0x00 ‖ leaf bytes), encoded straight into a scratch buffer: the verifier's hot path.</summary>
    public static Hash256 LeafHash(EventEnvelope envelope, Hash256 payloadHash)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var length = 1 + EncodedLength(envelope);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var input = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        input[0] = TreeHashing.LeafPrefix;
        Write(envelope, payloadHash, input[1..]);
        var hash = Hash256.Of(input);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return hash;
    }

    private static int EncodedLength(EventEnvelope envelope) =>
        1 + 8 + 16 + 16 + 8 + (4 + Encoding.UTF8.GetByteCount(envelope.EventType)) + 8 + 1
        + (envelope.UserName is null ? 0 : 4 + Encoding.UTF8.GetByteCount(envelope.UserName))
        + (4 + Encoding.UTF8.GetByteCount(envelope.Classification)) + Hash256.Size;

    private static void Write(EventEnvelope envelope, Hash256 payloadHash, Span<byte> destination)
    {
        var writer = new SpanWriter(destination);
        writer.Byte(FormatVersion);
        writer.Int64(envelope.Sequence);
        writer.Guid(envelope.EventId);
        writer.Guid(envelope.StreamId);
        writer.Int64(envelope.Version);
        writer.String(envelope.EventType);
        writer.Int64(envelope.RecordedAtMicroseconds);
        writer.Byte(envelope.UserName is null ? _noUser : _hasUser);
        if (envelope.UserName is not null)
        {
            writer.String(envelope.UserName);
        }

        writer.String(envelope.Classification);
        writer.Raw(payloadHash.Bytes);
    }

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
            _noUser => null,
            _hasUser => reader.String(),
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

        public void String(string value)
        {
            var length = Encoding.UTF8.GetBytes(value, _span[(_at + 4)..]);
            BinaryPrimitives.WriteUInt32BigEndian(_span[_at..], (uint)length);
            _at += 4 + length;
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
