namespace CommsLedger.Ingest.Tests.Reading;

/// <summary>
/// Commitment phrasings beyond "will", on sentences written for these tests (none is taken from the development set):
/// who made the commitment, of what kind, and what is a view rather than an undertaking.
/// </summary>
public sealed class CommitmentPhrasingTests
{
    private const string _lead =
        "source: https://www.auswaertiges-amt.de/en/newsroom/news/minister-keller-namibia\ndate: 2024-06-12\n\n" +
        "Foreign Minister Anna Keller of Germany held talks in Windhoek with Namibia's Minister of International Relations, Peter Shikongo. ";

    [Theory]
    [InlineData("The two ministers agreed to resume direct flights between Frankfurt and Windhoek.", "DE+NA", "agreement", "The two ministers agreed to resume direct flights between Frankfurt and Windhoek")]
    [InlineData("Both ministers reaffirmed their commitment to the reconciliation process.", "DE+NA", "pledge", "Both ministers reaffirmed their commitment to the reconciliation process")]
    [InlineData("The ministers committed to doubling trade in renewable energy.", "DE+NA", "pledge", "The ministers committed to doubling trade in renewable energy")]
    [InlineData("Keller said Germany would continue to support Namibia's green hydrogen projects.", "DE", "pledge", "Germany would continue to support Namibia's green hydrogen projects")]
    [InlineData("Keller pledged 40 million euros for drought relief in Namibia.", "DE", "pledge", "Keller pledged 40 million euros for drought relief in Namibia")]
    [InlineData("Keller announced a new aid package for Namibia's drought response.", "DE", "offer", "Keller announced a new aid package for Namibia's drought response")]
    [InlineData("Shikongo said Namibia stood ready to host the next regional energy forum.", "NA", "intent", "Namibia stood ready to host the next regional energy forum")]
    [InlineData("Both sides undertook to conclude the visa facilitation agreement this year.", "DE+NA", "pledge", "Both sides undertook to conclude the visa facilitation agreement this year")]
    [InlineData("Keller and Shikongo agreed that their officials would meet again in September.", "DE+NA", "agreement", "Keller and Shikongo agreed that their officials would meet again in September")]
    [InlineData("It was agreed to hold the next round of consultations in Berlin.", "DE+NA", "agreement", "It was agreed to hold the next round of consultations in Berlin")]
    [InlineData("The ministers noted that their teams would continue work on a skills partnership.", "DE+NA", "pledge", "their teams would continue work on a skills partnership")]
    public void undertakings_are_read_with_their_parties_and_kind(string sentence, string by, string kind, string text)
    {
        var commitment = Assert.Single(ReadoutExtractor.Extract(_lead + sentence).Commitments);
        Assert.Equal((by, kind, text), (commitment.By, commitment.Kind, commitment.Text));
    }

    [Theory]
    [InlineData("The ministers agreed on the importance of a rules-based international order.")]
    [InlineData("Keller expressed support for Namibia's land reform programme.")]
    [InlineData("Both ministers stressed the need for a ceasefire in Sudan.")]
    [InlineData("They looked forward to the business forum in Hamburg.")]
    [InlineData("Shikongo believes that Germany will win the bid for the trade fair.")]
    [InlineData("Keller said she was committed to modernising the country's foreign service for the German people.")]
    [InlineData("Keller congratulated Namibia on its successful elections and said she would like to extend her best wishes to the new parliament.")]
    public void views_wishes_and_domestic_promises_are_not_commitments(string sentence) =>
        Assert.Empty(ReadoutExtractor.Extract(_lead + sentence).Commitments);

    [Fact]
    public void a_list_after_agreed_to_gives_one_joint_commitment_per_item()
    {
        var draft = ReadoutExtractor.Extract(_lead + "The two ministers met again in the evening and agreed to:\n- open a consulate in Walvis Bay\n- hold annual consultations\nThe meeting ended with a dinner.");
        Assert.Equal(
            [("DE+NA", "agreement", "open a consulate in Walvis Bay"), ("DE+NA", "agreement", "hold annual consultations")],
            draft.Commitments.Select(c => (c.By, c.Kind, c.Text)));
    }

    [Fact]
    public void a_commitment_by_one_party_is_addressed_to_the_other_and_a_joint_one_to_no_one()
    {
        var draft = ReadoutExtractor.Extract(_lead + "Germany will fund a new vocational school in Namibia, and both ministers agreed to review progress in December.");
        Assert.Equal([("DE", "NA"), ("DE+NA", null)], draft.Commitments.Select(c => (c.By, c.To)));
    }
}
