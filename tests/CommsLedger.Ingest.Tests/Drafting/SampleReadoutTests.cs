namespace CommsLedger.Ingest.Tests.Drafting;

/// <summary>The seed sample (shared/samples/china-peru-call-2020-11-05.txt, copied to Readouts/china-peru-call.txt) against the acceptance list.</summary>
public sealed class SampleReadoutTests
{
    private static readonly string _text = Readouts.Text("china-peru-call");
    private static readonly ReadoutDraft _draft = ReadoutExtractor.Extract(_text);

    [Fact]
    public void a_report_dated_friday_resolves_said_thursday_to_the_day_before() =>
        Assert.Equal((new DateOnly(2020, 11, 5), new DateOnly(2020, 11, 6)), (_draft.DateOfInteraction, _draft.PublicationDate));

    [Fact]
    public void a_phone_call_readout_gives_channel_phone_and_cameo_041() =>
        Assert.Equal((Channels.Phone, "041"), (_draft.Channel, _draft.Cameo));

    [Fact]
    public void both_participants_have_their_titles_and_countries() =>
        Assert.Equal(
            [new DraftParticipant("Wang Yi", "State Councilor and Foreign Minister", "CN"), new DraftParticipant("Mario Lopez", "Foreign Minister", "PE")],
            _draft.Participants);

    [Fact]
    public void the_relationship_is_the_sorted_pair() => Assert.Equal(["CN", "PE"], _draft.Relationship);

    [Theory]
    [InlineData("CN", "PE", "China supports Peru in arranging China National Pharmaceutical Group Corporation (Sinopharm) to carry out phase-3 clinical trials")]
    [InlineData("CN", null, "China's vaccine will be supplied to developing countries in priority")]
    [InlineData("CN", "PE", "China welcomes Peruvian enterprises to participate in the China International Import Expo")]
    [InlineData("CN", "PE", "encourages more Chinese enterprises to invest in Peru")]
    [InlineData("PE", "CN", "his country welcomes Chinese enterprises to invest in Peru")]
    [InlineData("PE", "CN", "will provide a fair and non-discriminatory environment")]
    public void commitments_of_both_sides_are_found_with_the_clause_as_written(string by, string? to, string clauseStart)
    {
        var commitment = Assert.Single(_draft.Commitments, c => c.Text.StartsWith(clauseStart, StringComparison.Ordinal));
        Assert.Equal((by, to), (commitment.By, commitment.To));
        Assert.Contains(commitment.Text, _text, StringComparison.Ordinal);
    }

    [Fact]
    public void every_commitment_clause_is_an_exact_substring_of_the_source() =>
        Assert.All(_draft.Commitments, c => Assert.Contains(c.Text, _text, StringComparison.Ordinal));

    [Fact]
    public void thanks_and_praise_are_not_commitments() =>
        Assert.DoesNotContain(_draft.Commitments, c => c.Text.Contains("appreciates", StringComparison.Ordinal) || c.Text.Contains("supporting each other", StringComparison.Ordinal));

    [Fact]
    public void pronouns_and_surnames_resolve_to_the_right_speaker()
    {
        Assert.Equal("Wang Yi", Assert.Single(_draft.Statements, s => s.Text.StartsWith("As an embodiment", StringComparison.Ordinal)).Speaker);
        Assert.Equal("Wang Yi", Assert.Single(_draft.Statements, s => s.Text.StartsWith("The minister stressed", StringComparison.Ordinal)).Speaker);
        Assert.Equal("Mario Lopez", Assert.Single(_draft.Statements, s => s.Text.StartsWith("For his part", StringComparison.Ordinal)).Speaker);
        Assert.Equal("Mario Lopez", Assert.Single(_draft.Statements, s => s.Text.StartsWith("The Peruvian minister", StringComparison.Ordinal)).Speaker);
    }

    [Fact]
    public void the_anniversary_next_year_is_a_follow_up_due_by_the_end_of_2021()
    {
        var anniversary = Assert.Single(_draft.FollowUps, f => f.What.Contains("50th anniversary", StringComparison.Ordinal));
        Assert.Equal((new DateOnly(2021, 12, 31), "year"), (anniversary.When, anniversary.WhenPrecision));
    }

    [Fact]
    public void the_same_text_always_gives_the_same_draft() =>
        Assert.Equal(DraftJson.Serialize(_draft), DraftJson.Serialize(ReadoutExtractor.Extract(_text)));
}
