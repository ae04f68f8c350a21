using CommsLedger.Application.Corrections;
using CommsLedger.Application.Demo;
using CommsLedger.Application.FollowUps.Cancelling;
using CommsLedger.Application.FollowUps.Completing;
using CommsLedger.Application.FollowUps.Listing;
using CommsLedger.Application.FollowUps.Scheduling;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Tests.FollowUps;

[Collection(PostgresCollection.Name)]
public sealed class FollowUpQueueTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task due_and_overdue_follow_ups_are_listed_by_due_date()
    {
        await _ledger.Send(new LogInteraction(SeedCall.Draft()));

        var overdue = await _ledger.Ask(new ListFollowUps(null, OverdueOnly: true, null, new DateOnly(2021, 1, 1)));
        var dueSoon = await _ledger.Ask(new ListFollowUps(WithinDays: 100, OverdueOnly: false, "CN-PE", new DateOnly(2021, 1, 1)));

        Assert.Equal([new DateOnly(2020, 11, 10), new DateOnly(2020, 12, 31)], overdue.Select(f => f.Due));
        Assert.Equal(3, dueSoon.Count);
    }

    [Fact]
    public async Task a_completed_follow_up_leaves_the_queue_and_shows_its_outcome_on_the_pledge()
    {
        var record = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        var pledgeId = record.Commitments.First(c => c.Text.Contains("phase-3", StringComparison.Ordinal)).PledgeId;
        var pledge = await _ledger.Ask(new GetPledge(pledgeId));
        var followUp = pledge.FollowUps.Single();

        await _ledger.Send(new CompleteFollowUp(followUp.FollowUpId, pledge.Version, "trials started in September", new DateOnly(2021, 3, 15)));

        var open = await _ledger.Ask(new ListFollowUps(null, false, null, new DateOnly(2030, 1, 1)));
        Assert.DoesNotContain(open, f => f.Id == followUp.FollowUpId);
        var line = (await _ledger.Ask(new GetPledge(pledgeId))).FollowUps.Single();
        Assert.Equal((FollowUpStatus.Completed, "trials started in September"), (line.Status, line.Outcome));
    }

    [Fact]
    public async Task a_follow_up_scheduled_then_cancelled_cannot_be_completed()
    {
        var record = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        var scheduled = await _ledger.Send(new ScheduleFollowUp(EntryKind.Interaction, record.Id, record.Version,
            new FollowUpDraft("Send a thank-you note", "Protocol", new DateOnly(2020, 11, 20))));
        var cancelled = await _ledger.Send(new CancelFollowUp(scheduled.CreatedId!.Value, scheduled.Version, "minister wrote himself"));

        var refused = await Assert.ThrowsAsync<LedgerRuleViolated>(() =>
            _ledger.Send(new CompleteFollowUp(scheduled.CreatedId!.Value, cancelled.Version, "sent", new DateOnly(2020, 11, 21))));

        Assert.Contains("already cancelled", refused.Message, StringComparison.Ordinal);
    }
}
