using System.Text.Json;

namespace CommsLedger.Ingest.Tests.Drafting;

/// <summary>
/// Every readout under Readouts/ against the draft a careful desk officer would write for it, field by field.
/// Exact: date, channel, participants, relationship, statements (speaker, country, sentence) and commitments
/// (by, to, kind, exact clause, due). Follow-ups: the same number, each expected phrase inside one found, with the same date.
/// Topics: every expected topic is found (more may be).
/// </summary>
public sealed class ExpectedDraftTests
{
    public static TheoryData<string> Names => Readouts.All();

    [Theory]
    [MemberData(nameof(Names))]
    public void each_readout_gives_the_expected_date_of_interaction(string name) =>
        Assert.Equal(Str(Readouts.Expected(name), "date_of_interaction"), Str(Readouts.Draft(name), "date_of_interaction"));

    [Theory]
    [MemberData(nameof(Names))]
    public void each_readout_gives_the_expected_channel(string name) =>
        Assert.Equal(Str(Readouts.Expected(name), "channel"), Str(Readouts.Draft(name), "channel"));

    [Theory]
    [MemberData(nameof(Names))]
    public void each_readout_gives_the_expected_participants_with_titles_and_countries(string name) =>
        Assert.Equal(
            Rows(Readouts.Expected(name), "participants", "name", "title", "country"),
            Rows(Readouts.Draft(name), "participants", "name", "title", "country"));

    [Theory]
    [MemberData(nameof(Names))]
    public void each_readout_gives_the_expected_sorted_relationship(string name) =>
        Assert.Equal(Strings(Readouts.Expected(name), "relationship"), Strings(Readouts.Draft(name), "relationship"));

    [Theory]
    [MemberData(nameof(Names))]
    public void each_readout_attributes_the_expected_statements(string name) =>
        Assert.Equal(Statements(Readouts.Expected(name)), Statements(Readouts.Draft(name)));

    [Theory]
    [MemberData(nameof(Names))]
    public void each_readout_finds_exactly_the_expected_commitments(string name) =>
        Assert.Equal(
            Rows(Readouts.Expected(name), "commitments", "by", "to", "kind", "text", "due").Order(),
            Rows(Readouts.Draft(name), "commitments", "by", "to", "kind", "text", "due").Order());

    [Theory]
    [MemberData(nameof(Names))]
    public void each_readout_finds_the_expected_follow_ups_and_dates(string name)
    {
        var expected = Readouts.Expected(name).GetProperty("follow_ups").EnumerateArray().ToList();
        var found = Readouts.Draft(name).GetProperty("follow_ups").EnumerateArray().Select(f => $"{Str(f, "what")} @ {Str(f, "when")}").ToList();
        foreach (var item in expected)
        {
            var what = Str(item, "what")!;
            Assert.Contains(found, f => f.Contains(what, StringComparison.OrdinalIgnoreCase) && f.EndsWith($" @ {Str(item, "when")}", StringComparison.Ordinal));
        }

        Assert.Equal(expected.Count, found.Count);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void each_readout_is_tagged_with_the_expected_topics(string name)
    {
        var found = Strings(Readouts.Draft(name), "topics");
        Assert.All(Strings(Readouts.Expected(name), "topics"), topic => Assert.Contains(topic, found));
    }

    private static string? Str(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetString();

    private static List<string> Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();

    private static List<string> Rows(JsonElement element, string property, params string[] fields) =>
        element.GetProperty(property).EnumerateArray().Select(row => string.Join(" | ", fields.Select(f => Str(row, f) ?? "null"))).ToList();

    /// <summary>Joint speakers ("A and B") compare as a set of names.</summary>
    private static List<string> Statements(JsonElement element) =>
        element.GetProperty("statements").EnumerateArray()
            .Select(s => string.Join(" and ", Str(s, "speaker")!.Split(" and ").Order(StringComparer.Ordinal)) + " | " + (Str(s, "speaker_country") ?? "null") + " | " + Str(s, "text"))
            .ToList();
}
