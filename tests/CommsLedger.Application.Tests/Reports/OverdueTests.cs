using CommsLedger.Application.Demo;
using CommsLedger.Application.FollowUps.Completing;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Application.Reports.Overdue;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Application.Tests.Support;

namespace CommsLedger.Application.Tests.Reports;

[Collection(PostgresCollection.Name)]
public sealed class OverdueTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly DateOnly On = new(2021, 6, 1);
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task every_overdue_follow_up_is_grouped_by_owner_and_relationship_oldest_first()
    {
        await ReportScenario.Record(_ledger);

        var report = await _ledger.Ask(new BuildOverdue(On));

        // Open on 1 June 2021: procurement (due 2020-12-31), trials (2021-03-31), investment law (2021-05-15); the
        // anniversary (2021-06-30) is not due yet and the expo's was completed.
        Assert.Equal(3, report.FollowUps);
        Assert.Equal(
            [("Americas desk", "CN-PE"), ("Health cooperation desk", "CN-PE"), ("Trade section", "CN-PE")],
            report.Groups.Select(g => (g.Owner, g.Relationship)));
        var procurement = Assert.Single(report.Groups[0].Items);
        Assert.Equal((new DateOnly(2020, 12, 31), 152), (procurement.Due, procurement.DaysOverdue));
        Assert.Equal(62, Assert.Single(report.Groups[1].Items).DaysOverdue);
        Assert.Equal("Ask about the draft investment law", Assert.Single(report.Groups[2].Items).Action);
        Assert.Equal(await _ledger.EventCount() - 1, report.Header.Position.LastSequence);
    }

    [Fact]
    public async Task an_owner_filter_keeps_that_owners_follow_ups_and_an_earlier_position_those_overdue_then()
    {
        var call = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        var seedCall = await _ledger.EventCount();
        var expo = await _ledger.Ask(new GetPledge(call.Commitments[3].PledgeId));
        await _ledger.Send(new CompleteFollowUp(expo.FollowUps.Single().FollowUpId, expo.Version, "Three firms registered", new DateOnly(2020, 11, 9)));

        var trade = await _ledger.Ask(new BuildOverdue(On, Owner: "trade SECTION"));
        var early = await _ledger.Ask(new BuildOverdue(On, Owner: "Trade section", At: new ReportAt(Sequence: seedCall)));

        Assert.Empty(trade.Groups);
        // As the ledger stood after the seed call, the expo's follow-up was still open, and overdue on 1 June 2021.
        Assert.Equal(new DateOnly(2020, 11, 10), Assert.Single(Assert.Single(early.Groups).Items).Due);
        Assert.Equal(("owner", "Trade section"), (early.Header.Parameters[1].Name, early.Header.Parameters[1].Value));
        Assert.True(early.Header.Position.LastSequence <= seedCall);
    }

    [Fact]
    public async Task a_malformed_relationship_is_rejected_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<Domain.Shared.CommandRejected>(() => _ledger.Ask(new BuildOverdue(On, Relationship: "CNPE")));

        Assert.Equal("relationship", Assert.Single(error.Errors).Field);
    }
}
