using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Leaves;
using CommsLedger.Integrity.Merkle;

namespace CommsLedger.Integrity.Proving;

/// <summary>
/// <c>commsledger prove</c>'s output: one event (envelope and payload), where its leaf sits in the log, the audit
/// path from that leaf to the root, and the signed checkpoint over that root. Everything needed to check it offline.
/// The JSON has one canonical form (<see cref="ToJson"/>); anything else is rejected, so that no byte of a proof
/// can change without the check failing.
/// </summary>
public sealed record InclusionProof(
    EventEnvelope Event,
    string? Payload,
    byte[]? PayloadBinary,
    Hash256 PayloadHash,
    long LeafIndex,
    long TreeSize,
    IReadOnlyList<Hash256> AuditPath,
    Checkpoint Checkpoint)
{
    public const string Format = "commsledger-inclusion-proof/v1";

    private const string _timeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private static readonly JsonWriterOptions _writerOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Hash256 LeafHash => LeafEncoding.LeafHash(Event, PayloadHash);

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, _writerOptions))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartObject("event");
            json.WriteNumber("sequence", Event.Sequence);
            json.WriteString("eventId", Event.EventId.ToString("D"));
            json.WriteString("streamId", Event.StreamId.ToString("D"));
            json.WriteNumber("version", Event.Version);
            json.WriteString("type", Event.EventType);
            json.WriteString("recordedAt", Event.RecordedAt.UtcDateTime.ToString(_timeFormat, CultureInfo.InvariantCulture));
            json.WriteString("user", Event.UserName);
            json.WriteString("classification", Event.Classification);
            json.WriteString("payload", Payload);
            json.WriteString("payloadBinary", PayloadBinary is null ? null : Convert.ToBase64String(PayloadBinary));
            json.WriteString("payloadHash", PayloadHash.ToString());
            json.WriteEndObject();
            json.WriteString("leafHash", LeafHash.ToString());
            json.WriteNumber("leafIndex", LeafIndex);
            json.WriteNumber("treeSize", TreeSize);
            json.WriteStartArray("auditPath");
            foreach (var node in AuditPath)
            {
                json.WriteStringValue(node.ToString());
            }

            json.WriteEndArray();
            json.WriteString("checkpoint", Checkpoint.ToText());
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Parses a proof file. Throws <see cref="FormatException"/> unless it is exactly the canonical rendering.</summary>
    public static InclusionProof FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        InclusionProof proof;
        try
        {
            using var document = JsonDocument.Parse(json);
            proof = Read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"Not a {Format} document: {e.Message}", e);
        }

        if (proof.ToJson() != json)
        {
            throw new FormatException("The proof is not in canonical form: it was edited after it was written.");
        }

        return proof;
    }

    private static InclusionProof Read(JsonElement root)
    {
        if (root.GetProperty("format").GetString() != Format)
        {
            throw new FormatException($"Unknown proof format; expected {Format}.");
        }

        var e = root.GetProperty("event");
        var envelope = new EventEnvelope(
            e.GetProperty("sequence").GetInt64(),
            Guid.ParseExact(Text(e, "eventId"), "D"),
            Guid.ParseExact(Text(e, "streamId"), "D"),
            e.GetProperty("version").GetInt64(),
            Text(e, "type"),
            new DateTimeOffset(DateTime.ParseExact(Text(e, "recordedAt"), _timeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero),
            e.GetProperty("user").GetString(),
            Text(e, "classification"));
        var binary = e.GetProperty("payloadBinary").GetString();
        return new InclusionProof(
            envelope,
            e.GetProperty("payload").GetString(),
            binary is null ? null : Convert.FromBase64String(binary),
            Hash256.FromHex(Text(e, "payloadHash")),
            root.GetProperty("leafIndex").GetInt64(),
            root.GetProperty("treeSize").GetInt64(),
            root.GetProperty("auditPath").EnumerateArray().Select(node => Hash256.FromHex(node.GetString() ?? "")).ToList(),
            Checkpoint.Parse(Text(root, "checkpoint")));
    }

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' must be a string.");
}
