using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;

namespace CommsLedger.Web.Tests.Support;

/// <summary>Entries a test records for itself (as an operator would, through the same command), so that what it
/// changes is its own and no other test's expectations move.</summary>
public static class Entries
{
    /// <summary>A call between <paramref name="a"/> and <paramref name="b"/> with one statement and one pledge by
    /// <paramref name="a"/>, each carrying <paramref name="words"/>.</summary>
    public static async Task<InteractionRecord> Call(this WebHost host, string a, string b, string words, Classification marking = Classification.Unclassified) =>
        await host.Send(new LogInteraction(new InteractionDraft(
            InteractionKind.VideoCall,
            new OccurredAt(new DateOnly(2021, 3, 4), new TimeOnly(9, 30), "Europe/Paris"),
            [new Participant("Minister A", "Foreign Minister", a), new Participant("Minister B", "Foreign Minister", b)],
            $"Video call about {words}",
            null,
            marking,
            ["040"],
            [new StatementDraft("Minister A", a, $"We discussed {words}.", ["test"])],
            [new CommitmentDraft(a, b, CommitmentKind.Pledge, $"{a} will deliver {words}", "test", new DateOnly(2021, 12, 31),
                [new FollowUpDraft($"Check the delivery of {words}", "Test desk", new DateOnly(2021, 6, 30))], [])],
            [])));
}
