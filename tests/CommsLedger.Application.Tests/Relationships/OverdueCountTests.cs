using CommsLedger.Application.Demo;
using CommsLedger.Application.FollowUps.Completing;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Application.Relationships.Listing;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Application.Tests.Support;

namespace CommsLedger.Application.Tests.Relationships;

/// <summary>"Overdue on a day" is an open follow-up due before that day: one due that day is not yet overdue, one
/// done is not overdue at all; the ledger and the list of relationships count alike.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OverdueCountTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly DateOnly ExpoDue = new(2020, 11, 10);
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task a_follow_up_is_overdue_the_day_after_it_is_due_and_not_once_it_is_done()
    {
        var call = await _ledger.Send(new LogInteraction(SeedCall.Draft()));

        Assert.Equal((0, 0), await Overdue(ExpoDue));
        Assert.Equal((1, 1), await Overdue(ExpoDue.AddDays(1)));

        var expo = await _ledger.Ask(new GetPledge(call.Commitments[3].PledgeId));
        await _ledger.Send(new CompleteFollowUp(expo.FollowUps.Single().FollowUpId, expo.Version, "Three firms registered", ExpoDue.AddDays(3)));

        Assert.Equal((0, 0), await Overdue(ExpoDue.AddDays(1)));
        Assert.Equal((1, 1), await Overdue(new DateOnly(2021, 1, 1))); // the procurement follow-up, due 2020-12-31
    }

    private async Task<(int Ledger, int Listed)> Overdue(DateOnly today)
    {
        var ledger = await _ledger.Ask(new GetRelationship("CN-PE", today));
        var listed = await _ledger.Ask(new ListRelationships(today, new PageRequest()));
        return (ledger.OverdueFollowUps, listed.Items.Single(r => r.Key == "CN-PE").OverdueFollowUps);
    }
}
