using System.Text.Encodings.Web;
using System.Text.Json;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Interactions.InteractionFiles;

/// <summary>
/// Reads and writes <see cref="InteractionFile"/> JSON. Reading reports every problem at once, each under its
/// JSON path (<c>commitments[2].kind: 'promise' is not one of pledge, intent, offer, request, agreement</c>):
/// malformed JSON, unknown fields, wrong types, unreadable values, then the draft's own checks.
/// </summary>
public static class InteractionJson
{
    private static readonly JsonDocumentOptions _strict = new() { MaxDepth = 16 };

    private static readonly JsonSerializerOptions _compact = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions _indented = new(_compact) { WriteIndented = true };

    /// <summary>The draft in <paramref name="json"/> for a command (which checks it), or <see cref="CommandRejected"/>
    /// naming every bad field when it cannot be read whole.</summary>
    public static InteractionDraft Parse(string json)
    {
        var (draft, errors) = Read(json, checkDraft: false);
        return errors.Count == 0 ? draft! : throw new CommandRejected(errors);
    }

    /// <summary>The draft in <paramref name="json"/>, checked as its command would check it (a line of an import is
    /// no command of its own), or every problem with it.</summary>
    public static (InteractionDraft? Draft, IReadOnlyList<FieldError> Errors) ReadChecked(string json) => Read(json, checkDraft: true);

    private static (InteractionDraft? Draft, IReadOnlyList<FieldError> Errors) Read(string json, bool checkDraft)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, _strict);
        }
        catch (JsonException malformed)
        {
            return (null, [new FieldError("json", "is not valid JSON: " + malformed.Message)]);
        }

        using (document)
        {
            var reader = new InteractionFileReader();
            var file = reader.Interaction(document.RootElement);
            return file is null ? (null, reader.Errors.All) : file.Checked(reader.Errors, checkDraft);
        }
    }

    public static string Write(InteractionDraft draft, bool indented = false) =>
        JsonSerializer.Serialize(InteractionFile.From(draft), indented ? _indented : _compact);
}
