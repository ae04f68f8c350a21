namespace CommsLedger.Ingest.Tests.Drafting;

/// <summary>The seed sample (shared/samples/china-peru-call-2020-11-05.txt, copied to Readouts/china-peru-call.txt) against the acceptance list.</summary>
public sealed class SampleReadoutTests
{
    private static readonly string Text = Readouts.Text("china-peru-call");
    private static readonly ReadoutDraft Draft = ReadoutExtractor.Extract(Text);

    [Fact]
    public void a_report_dated_friday_resolves_said_thursday_to_the_day_before() =>
        Assert.Equal((new DateOnly(2020, 11, 5), new DateOnly(2020, 11, 6)), (Draft.DateOfInteraction, Draft.PublicationDate));

    [Fact]
    public void a_phone_call_readout_gives_channel_phone_and_cameo_041() =>
        Assert.Equal((Channels.Phone, "041"), (Draft.Channel, Draft.Cameo));

    [Fact]
    public void both_participants_have_their_titles_and_countries() =>
        Assert.Equal(
            [new DraftParticipant("Wang Yi", "State Councilor and Foreign Minister", "CN"), new DraftParticipant("Mario Lopez", "Foreign Minister", "PE")],
            Draft.Participants);

    [Fact]
    public void the_relationship_is_the_sorted_pair() => Assert.Equal(["CN", "PE"], Draft.Relationship);

    [Theory]
    [InlineData("CN", "PE", "China supports Peru in arranging China National Pharmaceutical Group Corporation (Sinopharm) to carry out phase-3 clinical trials")]
    [InlineData("CN", null, "China's vaccine will be supplied to developing countries in priority")]
    [InlineData("CN", "PE", "China welcomes Peruvian enterprises to participate in the China International Import Expo")]
    [InlineData("CN", "PE", "encourages more Chinese enterprises to invest in Peru")]
    [InlineData("PE", "CN", "his country welcomes Chinese enterprises to invest in Peru")]
    [InlineData("PE", "CN", "will provide a fair and non-discriminatory environment")]
    public void commitments_of_both_sides_are_found_with_the_clause_as_written(string by, string? to, string clauseStart)
    {
        var commitment = Assert.Single(Draft.Commitments, c => c.Text.StartsWith(clauseStart, StringComparison.Ordinal));
        Assert.Equal((by, to), (commitment.By, commitment.To));
        Assert.Contains(commitment.Text, Text, StringComparison.Ordinal);
    }

    [Fact]
    public void every_commitment_clause_is_an_exact_substring_of_the_source() =>
        Assert.All(Draft.Commitments, c => Assert.Contains(c.Text, Text, StringComparison.Ordinal));

    [Fact]
    public void thanks_and_praise_are_not_commitments() =>
        Assert.DoesNotContain(Draft.Commitments, c => c.Text.Contains("appreciates", StringComparison.Ordinal) || c.Text.Contains("supporting each other", StringComparison.Ordinal));

    [Fact]
    public void pronouns_and_surnames_resolve_to_the_right_speaker()
    {
        Assert.Equal("Wang Yi", Assert.Single(Draft.Statements, s => s.Text.StartsWith("As an embodiment", StringComparison.Ordinal)).Speaker);
        Assert.Equal("Wang Yi", Assert.Single(Draft.Statements, s => s.Text.StartsWith("The minister stressed", StringComparison.Ordinal)).Speaker);
        Assert.Equal("Mario Lopez", Assert.Single(Draft.Statements, s => s.Text.StartsWith("For his part", StringComparison.Ordinal)).Speaker);
        Assert.Equal("Mario Lopez", Assert.Single(Draft.Statements, s => s.Text.StartsWith("The Peruvian minister", StringComparison.Ordinal)).Speaker);
    }

    [Fact]
    public void the_anniversary_next_year_is_a_follow_up_due_by_the_end_of_2021()
    {
        var anniversary = Assert.Single(Draft.FollowUps, f => f.What.Contains("50th anniversary", StringComparison.Ordinal));
        Assert.Equal((new DateOnly(2021, 12, 31), "year"), (anniversary.When, anniversary.WhenPrecision));
    }

    [Fact]
    public void the_same_text_always_gives_the_same_draft() =>
        Assert.Equal(DraftJson.Serialize(Draft), DraftJson.Serialize(ReadoutExtractor.Extract(Text)));
}
