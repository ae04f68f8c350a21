using CommsLedger.Application.Demo;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Marten;

namespace CommsLedger.Projections.Tests;

/// <summary>A small but varied history written through the real decisions and stream plumbing:
/// the seed call, a trilateral meeting, status changes, follow-ups, corrections and retractions.</summary>
internal static class History
{
    public static readonly DateOnly Today = new(2021, 6, 1);

    public static async Task<(Guid Seed, Guid Trilateral)> Record(IDocumentStore store)
    {
        var seed = InteractionDecisions.Log(SeedCall.Draft(), Guid.NewGuid(), Guid.NewGuid, Today);
        var trilateral = InteractionDecisions.Log(Trilateral(), Guid.NewGuid(), Guid.NewGuid, Today);
        foreach (var change in new[] { seed, trilateral })
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = "history";
            await session.Start(change, Classification.TopSecret, CancellationToken.None);
        }

        var pledges = seed.Others.Select(p => p.StreamId).ToArray();
        await Change<Pledge>(store, pledges[0], 1, s => PledgeDecisions.ChangeStatus(s, PledgeStatus.Fulfilled, new DateOnly(2021, 1, 5), "done"));
        await Change<Pledge>(store, pledges[1], 2, s => PledgeDecisions.ChangeStatus(s, PledgeStatus.PartiallyFulfilled, new DateOnly(2021, 2, 5), "half"));
        await Change<Pledge>(store, pledges[1], 3, s => FollowUpDecisions.Complete(s, s.FollowUps.Statuses.Keys.Single(), "trials running", new DateOnly(2021, 3, 1)));
        await Change<Pledge>(store, pledges[2], 1, s => PledgeDecisions.Correct(s, "topic", "vaccine access", "clearer topic"));
        await Change<Pledge>(store, pledges[5], 1, s => PledgeDecisions.Retract(s, "duplicate of another entry"));
        await Change<Pledge>(store, pledges[4], 2, s => PledgeDecisions.Assess(s, Guid.NewGuid(), 0, "some purchases", null, new DateOnly(2021, 4, 1)));
        var statement = (StatementRecorded)seed.Events[1];
        await Change<Interaction>(store, seed.EntryId!.Value, seed.Events.Count, s => InteractionDecisions.Correct(s, statement.StatementId, "text", "China stands ready to work with Peru.", "shorter quote"));
        await Change<Interaction>(store, trilateral.EntryId!.Value, trilateral.Events.Count, s => InteractionDecisions.Retract(s, "meeting never took place"));
        return (seed.EntryId!.Value, trilateral.EntryId!.Value);
    }

    public static async Task Change<TState>(IDocumentStore store, Guid id, long version, Func<TState, Decision> decide)
        where TState : class, IStreamState<TState>
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = "history";
        await session.Change(id, version, Classification.TopSecret, decide, CancellationToken.None);
    }

    public static InteractionDraft Trilateral() => new(
        InteractionKind.VideoCall,
        new OccurredAt(new DateOnly(2021, 2, 10), new TimeOnly(14, 0), "UTC"),
        [new Participant("A", "Foreign Minister", "CN"), new Participant("B", "Foreign Minister", "PE"), new Participant("C", "Foreign Minister", "BR")],
        "Trilateral video call on vaccines.",
        null,
        Classification.Confidential,
        ["041"],
        [new StatementDraft("C", "BR", "Brazil will host the next round.", ["vaccines"])],
        [new CommitmentDraft("BR", null, CommitmentKind.Offer, "Brazil will host the next round", "vaccines", new DateOnly(2021, 5, 1), [new FollowUpDraft("Confirm venue", "Americas desk", new DateOnly(2021, 4, 1))], ["043"])],
        []);
}
