using System.Globalization;
using System.Text.Json;

namespace CommsLedger.Ingest.Evaluation;

/// <summary>A commitment of a gold annotation; <see cref="By"/> is the set of parties ("ALL" already expanded).</summary>
public sealed record GoldCommitment(IReadOnlySet<string> By, string? To, string Text, string Kind, DateOnly? Due);

/// <summary>The hand-made entry a readout should draft to, in the development set's gold JSON shape (samples/readouts/README.md).</summary>
public sealed record GoldEntry(
    DateOnly? DateOfInteraction,
    string Channel,
    IReadOnlyList<string> ParticipantCountries,
    IReadOnlyList<string> Relationship,
    IReadOnlyList<GoldCommitment> Commitments,
    string Language)
{
    /// <exception cref="FormatException">The JSON lacks a field the scorer needs.</exception>
    public static GoldEntry Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var countries = root.GetProperty("participants").EnumerateArray().Select(p => Text(p, "country")).OfType<string>().ToList();
        var commitments = root.GetProperty("commitments").EnumerateArray()
            .Select(c => new GoldCommitment(Parties.Split(Text(c, "by") ?? "", countries), Text(c, "to"), Text(c, "text") ?? "", Text(c, "kind") ?? "", Date(Text(c, "due"))))
            .ToList();
        return new GoldEntry(
            Date(Text(root, "date_of_interaction")),
            Text(root, "channel") ?? throw new FormatException("gold: channel missing"),
            countries,
            root.GetProperty("relationship").EnumerateArray().Select(c => c.GetString()!).ToList(),
            commitments,
            Text(root, "language") ?? "en");
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateOnly? Date(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
