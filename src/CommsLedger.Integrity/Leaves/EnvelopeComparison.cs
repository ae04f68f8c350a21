using CommsLedger.Integrity.Merkle;

namespace CommsLedger.Integrity.Leaves;

/// <summary>Names the fields in which an event as stored now differs from the event as the log recorded it.</summary>
public static class EnvelopeComparison
{
    public const string Sequence = "sequence";
    public const string EventId = "event id";
    public const string StreamId = "stream id";
    public const string Version = "version";
    public const string EventType = "event type";
    public const string RecordedAt = "recorded timestamp";
    public const string UserName = "user";
    public const string Classification = "classification";
    public const string Payload = "payload";

    public static IReadOnlyList<string> DifferingFields(
        (EventEnvelope Envelope, Hash256 PayloadHash) recorded,
        (EventEnvelope Envelope, Hash256 PayloadHash) current)
    {
        var (was, wasPayload) = recorded;
        var (now, nowPayload) = current;
        var fields = new List<string>();
        Add(fields, Sequence, was.Sequence != now.Sequence);
        Add(fields, EventId, was.EventId != now.EventId);
        Add(fields, StreamId, was.StreamId != now.StreamId);
        Add(fields, Version, was.Version != now.Version);
        Add(fields, EventType, was.EventType != now.EventType);
        Add(fields, RecordedAt, was.RecordedAtMicroseconds != now.RecordedAtMicroseconds);
        Add(fields, UserName, was.UserName != now.UserName);
        Add(fields, Classification, was.Classification != now.Classification);
        Add(fields, Payload, wasPayload != nowPayload);
        return fields;
    }

    private static void Add(List<string> fields, string name, bool differs)
    {
        if (differs)
        {
            fields.Add(name);
        }
    }
}
