using System.Text.Json;
using CommsLedger.Ingest.Tests.Drafting;

namespace CommsLedger.Ingest.Tests.Json;

public sealed class DraftJsonTests
{
    private static readonly JsonElement _root = Readouts.Draft("china-peru-call");

    [Fact]
    public void the_draft_has_the_ledger_fields_in_order_first()
    {
        var names = _root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["date_of_interaction", "channel", "participants", "relationship", "statements", "commitments", "follow_ups", "topics"], names.Take(8));
    }

    [Theory]
    [InlineData("participants", new[] { "name", "title", "country" })]
    [InlineData("statements", new[] { "speaker", "speaker_country", "text" })]
    [InlineData("commitments", new[] { "by", "to", "text", "kind", "due" })]
    [InlineData("follow_ups", new[] { "what", "when" })]
    public void each_list_item_has_the_fixed_field_names(string list, string[] fields) =>
        Assert.All(_root.GetProperty(list).EnumerateArray(), item => Assert.Equal(fields, item.EnumerateObject().Select(p => p.Name).Take(fields.Length)));

    [Fact]
    public void dates_are_iso_days_and_missing_ones_are_null()
    {
        Assert.Equal("2020-11-05", _root.GetProperty("date_of_interaction").GetString());
        Assert.Contains(_root.GetProperty("commitments").EnumerateArray(), c => c.GetProperty("due").ValueKind == JsonValueKind.Null);
        Assert.Contains(_root.GetProperty("commitments").EnumerateArray(), c => c.GetProperty("to").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public void an_empty_draft_serialises_with_nulls_and_empty_lists()
    {
        using var document = JsonDocument.Parse(DraftJson.Serialize(ReadoutExtractor.Extract("")));
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("date_of_interaction").ValueKind);
        Assert.Equal("other", root.GetProperty("channel").GetString());
        Assert.Equal(0, root.GetProperty("participants").GetArrayLength());
    }

    [Fact]
    public void apostrophes_and_accents_are_written_as_they_are() =>
        Assert.Contains("Peru's needs", DraftJson.Serialize(ReadoutExtractor.Extract(Readouts.Text("china-peru-call"))), StringComparison.Ordinal);
}
