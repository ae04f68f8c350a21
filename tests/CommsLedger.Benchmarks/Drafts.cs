using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Benchmarks;

/// <summary>Synthetic but valid drafts. Each number picks its own pair of parties, so a trial's relationship
/// ledger starts empty instead of growing across the whole run.</summary>
public static class Drafts
{
    private static readonly string[] _codes =
        ["CN", "PE", "US", "FR", "DE", "JP", "BR", "IN", "ZA", "KE", "MX", "AU", "CA", "EG", "ID", "NG", "TR", "KR", "AR", "SE"];

    private static readonly (string A, string B)[] _pairs =
        [.. _codes.SelectMany((a, i) => _codes.Skip(i + 1).Select(b => (a, b)))];

    public static readonly DateOnly Today = new(2025, 1, 15);

    /// <summary>1 logged + <paramref name="statements"/> + <paramref name="commitments"/> (each also starts a pledge
    /// stream with one <c>PledgeMade</c>) + <paramref name="followUps"/> on the interaction.</summary>
    public static InteractionDraft Interaction(int number, int statements, int commitments, int followUps)
    {
        var (a, b) = _pairs[number % _pairs.Length];
        return new InteractionDraft(
            InteractionKind.PhoneCall,
            new OccurredAt(new DateOnly(2024, 1 + number % 12, 1 + number % 28)),
            [new Participant($"Minister of {a}", "Foreign Minister", a), new Participant($"Minister of {b}", "Foreign Minister", b)],
            $"Benchmark call {number} between {a} and {b} on trade, health cooperation and a coming anniversary.",
            null,
            Classification.Unclassified,
            ["041"],
            [.. Enumerable.Range(0, statements).Select(i => Statement(i % 2 == 0 ? a : b, i))],
            [.. Enumerable.Range(0, commitments).Select(i => Commitment(i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, i))],
            [.. Enumerable.Range(0, followUps).Select(i => new FollowUpDraft($"Follow up item {i} of call {number}", "Desk officer", Today.AddDays(30 + i)))]);
    }

    public static StatementDraft Statement(string country, int i) =>
        new($"Minister of {country}", country,
            $"Statement {i}: {country} is ready to deepen cooperation in trade, investment, science and renewable energy.",
            [i % 2 == 0 ? "trade" : "investment"]);

    private static CommitmentDraft Commitment(string by, string to, int i) =>
        new(by, to, i % 2 == 0 ? CommitmentKind.Pledge : CommitmentKind.Intent,
            $"{by} will support a joint working group on vaccines and trade, item {i}", "health cooperation", null, [], ["036"]);
}
