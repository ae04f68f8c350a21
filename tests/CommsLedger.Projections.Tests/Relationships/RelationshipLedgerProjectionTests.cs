using CommsLedger.Application.Storage;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using Marten;

namespace CommsLedger.Projections.Tests.Relationships;

[Collection(PostgresCollection.Name)]
public sealed class RelationshipLedgerProjectionTests(PostgresCluster postgres) : IAsyncLifetime
{
    private DocumentStore _store = null!;
    private (Guid Seed, Guid Trilateral) _ids;

    public async Task InitializeAsync()
    {
        _store = LedgerStore.Create(await postgres.Cluster.CreateDatabaseAsync("rel" + Guid.NewGuid().ToString("N")[..8]));
        _ids = await History.Record(_store);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task a_trilateral_interaction_feeds_every_pair_among_its_parties()
    {
        await using var session = _store.QuerySession();
        var keys = (await session.Query<RelationshipLedger>().ToListAsync()).Select(l => l.Id).Order(StringComparer.Ordinal);

        Assert.Equal(["BR-CN", "BR-PE", "CN-PE"], keys);
    }

    [Fact]
    public async Task a_retracted_interaction_leaves_its_relationships_but_its_general_pledge_stays_with_the_pairs_of_its_maker()
    {
        await using var session = _store.QuerySession();
        var brPe = await session.LoadAsync<RelationshipLedger>("BR-PE");
        var cnPe = await session.LoadAsync<RelationshipLedger>("CN-PE");

        Assert.Empty(brPe!.Interactions);
        Assert.Single(brPe.Pledges.Values, p => p.By == "BR");
        Assert.Single(cnPe!.Interactions);
        Assert.DoesNotContain(cnPe.Pledges.Values, p => p.By == "BR");
    }

    [Fact]
    public async Task status_changes_and_retractions_of_pledges_show_in_the_relationship()
    {
        await using var session = _store.QuerySession();
        var ledger = (await session.LoadAsync<RelationshipLedger>("CN-PE"))!;

        Assert.Equal(6, ledger.Pledges.Count); // seven made, one retracted
        Assert.Single(ledger.Pledges.Values, p => p.Status == PledgeStatus.Fulfilled);
        Assert.Single(ledger.Pledges.Values, p => p.Status == PledgeStatus.PartiallyFulfilled);
        Assert.Equal(3, ledger.OpenFollowUps.Count);
    }

    [Fact]
    public async Task the_interaction_record_applies_corrections_and_keeps_what_they_replaced()
    {
        await using var session = _store.QuerySession();
        var record = (await session.LoadAsync<InteractionRecord>(_ids.Seed))!;

        var correction = Assert.Single(record.Corrections);
        Assert.Equal("China stands ready to work with Peru.", record.Statements[0].Text);
        Assert.StartsWith("China is ready to work with Peru", correction.Was, StringComparison.Ordinal);
        Assert.Equal("history", correction.RecordedBy);
    }

    [Fact]
    public async Task the_pledge_register_keeps_the_status_history_and_assessments()
    {
        await using var session = _store.QuerySession();
        var assessed = (await session.Query<PledgeRegister>().ToListAsync()).Single(p => p.Assessments.Count > 0);
        var partial = (await session.Query<PledgeRegister>().ToListAsync()).Single(p => p.Status == PledgeStatus.PartiallyFulfilled);

        Assert.Equal(50, assessed.Assessments[0].Percent);
        Assert.Equal([PledgeStatus.Open, PledgeStatus.PartiallyFulfilled], partial.StatusHistory.Select(s => s.Status));
        Assert.Equal(4, partial.Version);
        Assert.Equal(InteractionKind.PhoneCall, (await session.LoadAsync<InteractionRecord>(partial.InteractionId))!.Kind);
    }
}
