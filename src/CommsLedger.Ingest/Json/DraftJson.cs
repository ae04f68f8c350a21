using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CommsLedger.Ingest;

/// <summary>
/// Writes a draft as JSON with fixed snake_case field names; dates are yyyy-MM-dd or null, countries ISO alpha-2.
/// The fields of the ledger's draft format come first in their documented order; the extra ones follow.
/// </summary>
public static class DraftJson
{
    // Relaxed escaping keeps "Peru's" and "Côte d'Ivoire" readable; the output is never embedded in HTML.
    private static readonly JsonWriterOptions _compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions _indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static string Serialize(ReadoutDraft draft) => Serialize(draft, indented: false);

    public static string Serialize(ReadoutDraft draft, bool indented)
    {
        ArgumentNullException.ThrowIfNull(draft);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? _indented : _compact))
        {
            Write(writer, draft);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter w, ReadoutDraft draft)
    {
        w.WriteStartObject();
        Date(w, "date_of_interaction", draft.DateOfInteraction);
        w.WriteString("channel", draft.Channel);
        Array(w, "participants", draft.Participants, (w, p) =>
        {
            w.WriteString("name", p.Name);
            w.WriteString("title", p.Title);
            w.WriteString("country", p.Country);
        });
        Strings(w, "relationship", draft.Relationship);
        Array(w, "statements", draft.Statements, (w, s) =>
        {
            w.WriteString("speaker", s.Speaker);
            w.WriteString("speaker_country", s.SpeakerCountry);
            w.WriteString("text", s.Text);
            Strings(w, "speaker_countries", s.SpeakerCountries);
            Strings(w, "topics", s.Topics);
        });
        Array(w, "commitments", draft.Commitments, (w, c) =>
        {
            w.WriteString("by", c.By);
            w.WriteString("to", c.To);
            w.WriteString("text", c.Text);
            w.WriteString("kind", c.Kind);
            Date(w, "due", c.Due);
            w.WriteString("topic", c.Topic);
            w.WriteString("cameo", c.Cameo);
        });
        Array(w, "follow_ups", draft.FollowUps, (w, f) =>
        {
            w.WriteString("what", f.What);
            Date(w, "when", f.When);
            w.WriteString("when_text", f.WhenText);
            w.WriteString("when_precision", f.WhenPrecision);
        });
        Strings(w, "topics", draft.Topics);
        w.WriteString("language", draft.Language);
        w.WriteString("cameo", draft.Cameo);
        Date(w, "publication_date", draft.PublicationDate);
        Strings(w, "warnings", draft.Warnings);
        w.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void Array<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeFields)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeFields(w, item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
