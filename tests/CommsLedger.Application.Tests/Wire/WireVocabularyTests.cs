using System.Text.Json;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Application.Wire;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Tests.Wire;

/// <summary>One spelling per enum value in every direction: kebab-case written, old spellings still read.</summary>
public sealed class WireVocabularyTests
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions(JsonSerializerDefaults.Web).Use();

    private sealed record Sample(InteractionKind Kind, Classification Classification, PledgeStatus Status, Dictionary<Classification, int> Counts);

    [Fact]
    public void values_and_dictionary_keys_are_written_kebab_case()
    {
        var json = JsonSerializer.Serialize(
            new Sample(InteractionKind.PhoneCall, Classification.TopSecret, PledgeStatus.PartiallyFulfilled, new() { [Classification.TopSecret] = 1 }), Options);

        Assert.Equal("""{"kind":"phone-call","classification":"top-secret","status":"partially-fulfilled","counts":{"top-secret":1}}""", json);
    }

    [Theory]
    [InlineData("phone-call")]
    [InlineData("phoneCall")]
    [InlineData("PhoneCall")]
    [InlineData("phone_call")]
    [InlineData("PHONE-CALL")]
    public void the_old_spellings_are_still_read(string spelling)
    {
        var read = JsonSerializer.Deserialize<InteractionKind>($"\"{spelling}\"", Options);

        Assert.Equal(InteractionKind.PhoneCall, read);
    }

    [Theory]
    [InlineData("top-secret")]
    [InlineData("TOP SECRET")]
    [InlineData("topSecret")]
    public void classifications_read_in_the_new_and_the_marking_spelling(string spelling)
    {
        Assert.Equal(Classification.TopSecret, JsonSerializer.Deserialize<Classification>($"\"{spelling}\"", Options));
        Assert.True(ClassificationNames.TryParse(spelling, out var parsed));
        Assert.Equal(Classification.TopSecret, parsed);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("\"3\"")]
    [InlineData("\"secret,confidential\"")]
    [InlineData("\"promise\"")]
    public void numbers_combinations_and_unknown_names_are_refused_naming_the_choices(string json)
    {
        var refused = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Classification>(json, Options));

        Assert.Contains("unclassified, confidential, secret, top-secret", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void the_interaction_file_writes_the_same_spelling_the_api_writes()
    {
        var draft = Demo.SeedCall.Draft() with { Kind = InteractionKind.PhoneCall, Classification = Classification.TopSecret };

        var file = JsonDocument.Parse(InteractionJson.Write(draft)).RootElement;

        Assert.Equal("phone-call", file.GetProperty("kind").GetString());
        Assert.Equal("top-secret", file.GetProperty("classification").GetString());
    }

    [Fact]
    public void a_file_written_before_this_release_still_reads()
    {
        var old = InteractionJson.Write(Demo.SeedCall.Draft())
            .Replace("\"phone-call\"", "\"phoneCall\"", StringComparison.Ordinal)
            .Replace("\"unclassified\"", "\"TOP SECRET\"", StringComparison.Ordinal);

        var draft = InteractionJson.Parse(old);

        Assert.Equal(InteractionKind.PhoneCall, draft.Kind);
        Assert.Equal(Classification.TopSecret, draft.Classification);
    }
}
