using CommsLedger.Ingest.Evaluation;

namespace CommsLedger.Ingest.Tests.Evaluation;

/// <summary>The scoring rules of samples/readouts/README.md: party sets, "ALL", word overlap against the gold clause, one-to-one matching.</summary>
public sealed class ScoringTests
{
    private static readonly string[] _pair = ["GB", "EU"];

    [Fact]
    public void overlap_is_the_share_of_the_gold_clause_words_found_ignoring_case_and_punctuation() =>
        Assert.Equal(0.5, ClauseOverlap.Of("They agreed to remain in touch!", "they AGREED, to go"));

    [Fact]
    public void a_joint_commitment_matches_whatever_order_its_parties_are_written_in()
    {
        var gold = new GoldCommitment(new HashSet<string> { "GB", "EU" }, null, "they agreed to remain in touch", "agreement", null);
        var pairs = CommitmentMatcher.Match([Drafted("EU+GB", "they agreed to remain in touch")], [gold], _pair);
        Assert.Single(pairs);
    }

    [Fact]
    public void a_commitment_by_one_party_does_not_match_one_made_together()
    {
        var gold = new GoldCommitment(new HashSet<string> { "GB", "EU" }, null, "they agreed to remain in touch", "agreement", null);
        Assert.Empty(CommitmentMatcher.Match([Drafted("GB", "they agreed to remain in touch")], [gold], _pair));
    }

    [Fact]
    public void each_gold_commitment_is_matched_at_most_once_best_overlap_first()
    {
        var gold = new GoldCommitment(new HashSet<string> { "GB" }, null, "the UK will provide support", "pledge", null);
        var pairs = CommitmentMatcher.Match([Drafted("GB", "the UK will provide"), Drafted("GB", "the UK will provide support")], [gold], _pair);
        Assert.Equal("the UK will provide support", Assert.Single(pairs).Drafted.Text);
    }

    [Fact]
    public void all_in_a_gold_file_stands_for_every_participant()
    {
        var gold = GoldEntry.Parse("""
            {"date_of_interaction":"2022-09-21","channel":"joint-statement","participants":[{"country":"GB"},{"country":"PL"},{"country":"UA"}],
             "relationship":["GB","PL","UA"],"commitments":[{"by":"ALL","to":null,"text":"develop co-operation","kind":"agreement","due":null}],"language":"en"}
            """);
        Assert.Equal(["GB", "PL", "UA"], gold.Commitments[0].By.Order(StringComparer.Ordinal));
    }

    private static DraftCommitment Drafted(string by, string text) => new(by, null, text, "agreement", null, null, "030");
}
