namespace CommsLedger.Ingest.Evaluation;

/// <summary>A drafted commitment paired with the gold one it matches.</summary>
public sealed record CommitmentPair(DraftCommitment Drafted, GoldCommitment Gold, double Overlap);

/// <summary>
/// Pairs drafted and gold commitments one to one, best overlap first: a pair needs the same set of parties in <c>by</c>
/// and a <see cref="ClauseOverlap"/> of at least 0.5.
/// </summary>
public static class CommitmentMatcher
{
    public static IReadOnlyList<CommitmentPair> Match(IReadOnlyList<DraftCommitment> drafted, IReadOnlyList<GoldCommitment> gold, IReadOnlyCollection<string> participants)
    {
        var candidates = new List<(int D, int G, double Overlap)>();
        for (var d = 0; d < drafted.Count; d++)
        {
            var by = Parties.Split(drafted[d].By, participants);
            for (var g = 0; g < gold.Count; g++)
            {
                var overlap = ClauseOverlap.Of(gold[g].Text, drafted[d].Text);
                if (overlap >= ClauseOverlap.MatchThreshold && by.SetEquals(gold[g].By))
                {
                    candidates.Add((d, g, overlap));
                }
            }
        }

        var usedDrafted = new HashSet<int>();
        var usedGold = new HashSet<int>();
        var pairs = new List<CommitmentPair>();
        foreach (var (d, g, overlap) in candidates.OrderByDescending(c => c.Overlap).ThenBy(c => c.D).ThenBy(c => c.G))
        {
            if (!usedDrafted.Contains(d) && !usedGold.Contains(g))
            {
                usedDrafted.Add(d);
                usedGold.Add(g);
                pairs.Add(new CommitmentPair(drafted[d], gold[g], overlap));
            }
        }

        return pairs;
    }
}
