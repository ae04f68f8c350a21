using System.Text.Json;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Interactions.InteractionFiles;

/// <summary>Walks a parsed JSON document into an <see cref="InteractionFile"/>, recording shape problems (unknown
/// fields, wrong types) under their JSON paths. A value of the wrong type reads as missing.</summary>
internal sealed class InteractionFileReader
{
    private static readonly string[] _interactionFields =
        ["kind", "occurredOn", "occurredTime", "timeZone", "participants", "summary", "source", "classification", "cameoCodes", "statements", "commitments", "followUps"];

    private static readonly string[] _participantFields = ["name", "title", "country"];
    private static readonly string[] _sourceFields = ["sourceId", "url", "textSha256"];
    private static readonly string[] _statementFields = ["speaker", "country", "text", "topics", "classification"];
    private static readonly string[] _commitmentFields = ["by", "to", "kind", "text", "topic", "due", "followUps", "cameoCodes", "classification", "reaffirms"];
    private static readonly string[] _followUpFields = ["action", "owner", "due"];

    public FieldErrors Errors { get; } = new();

    public InteractionFile? Interaction(JsonElement root)
    {
        if (!Shape(root, "", "an interaction", _interactionFields))
        {
            return null;
        }

        return new InteractionFile(
            Text(root, "", "kind"),
            Text(root, "", "occurredOn"),
            Text(root, "", "occurredTime"),
            Text(root, "", "timeZone"),
            Objects(root, "", "participants", Participant),
            Text(root, "", "summary"),
            Object(root, "", "source", Source),
            Text(root, "", "classification"),
            Texts(root, "", "cameoCodes"),
            Objects(root, "", "statements", Statement),
            Objects(root, "", "commitments", Commitment),
            Objects(root, "", "followUps", FollowUp));
    }

    private ParticipantFile Participant(JsonElement e, string path)
    {
        Shape(e, path, "a participant", _participantFields);
        return new(Text(e, path, "name"), Text(e, path, "title"), Text(e, path, "country"));
    }

    private SourceFile Source(JsonElement e, string path)
    {
        Shape(e, path, "a source", _sourceFields);
        return new(Text(e, path, "sourceId"), Text(e, path, "url"), Text(e, path, "textSha256"));
    }

    private StatementFile Statement(JsonElement e, string path)
    {
        Shape(e, path, "a statement", _statementFields);
        return new(Text(e, path, "speaker"), Text(e, path, "country"), Text(e, path, "text"), Texts(e, path, "topics"), Text(e, path, "classification"));
    }

    private CommitmentFile Commitment(JsonElement e, string path)
    {
        Shape(e, path, "a commitment", _commitmentFields);
        return new(
            Text(e, path, "by"),
            Text(e, path, "to"),
            Text(e, path, "kind"),
            Text(e, path, "text"),
            Text(e, path, "topic"),
            Text(e, path, "due"),
            Objects(e, path, "followUps", FollowUp),
            Texts(e, path, "cameoCodes"),
            Text(e, path, "classification"),
            Text(e, path, "reaffirms"));
    }

    private FollowUpFile FollowUp(JsonElement e, string path)
    {
        Shape(e, path, "a follow-up", _followUpFields);
        return new(Text(e, path, "action"), Text(e, path, "owner"), Text(e, path, "due"));
    }

    /// <summary>True when <paramref name="e"/> is an object; reports it otherwise, and reports unknown fields.</summary>
    private bool Shape(JsonElement e, string path, string what, string[] known)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            Errors.Add(path.Length == 0 ? "json" : path.TrimEnd('.'), $"expected {what} (an object), found {Describe(e.ValueKind)}");
            return false;
        }

        foreach (var property in e.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
        {
            Errors.Add(path + property.Name, $"is not a field of {what} (fields: {string.Join(", ", known)})");
        }

        return true;
    }

    private string? Text(JsonElement obj, string path, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return StringOf(value, path + name);
        }

        Errors.Add(path + name, $"expected a string, found {Describe(value.ValueKind)}");
        return null;
    }

    /// <summary>The string, or null with a field error when it cannot be text (a lone UTF-16 surrogate).</summary>
    private string? StringOf(JsonElement value, string field)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            Errors.Add(field, "is not valid text: it holds a lone UTF-16 surrogate (\\ud800–\\udfff without its pair)");
            return null;
        }
    }

    private IReadOnlyList<string> Texts(JsonElement obj, string path, string name)
    {
        if (!TryGetArray(obj, path + name, name, out var array))
        {
            return [];
        }

        var texts = new List<string>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                if (StringOf(item, $"{path}{name}[{i}]") is { } text)
                {
                    texts.Add(text);
                }
            }
            else
            {
                Errors.Add($"{path}{name}[{i}]", $"expected a string, found {Describe(item.ValueKind)}");
            }

            i++;
        }

        return texts;
    }

    private IReadOnlyList<T> Objects<T>(JsonElement obj, string path, string name, Func<JsonElement, string, T> read)
    {
        if (!TryGetArray(obj, path + name, name, out var array))
        {
            return [];
        }

        return [.. array.EnumerateArray().Select((item, i) => read(item, $"{path}{name}[{i}]."))];
    }

    private T? Object<T>(JsonElement obj, string path, string name, Func<JsonElement, string, T> read)
        where T : class =>
        TryGet(obj, name, out var value) ? read(value, path + name + ".") : null;

    private bool TryGetArray(JsonElement obj, string field, string name, out JsonElement array)
    {
        if (!TryGet(obj, name, out array))
        {
            return false;
        }

        if (array.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        Errors.Add(field, $"expected a list, found {Describe(array.ValueKind)}");
        return false;
    }

    private static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        return obj.ValueKind == JsonValueKind.Object
            && obj.TryGetProperty(name, out value)
            && value.ValueKind != JsonValueKind.Null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };
}
