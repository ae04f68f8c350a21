using System.Text.Json;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
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
        var brPe = (await session.LoadAsync<RelationshipLedger>("BR-PE"))!;
        var cnPe = (await session.LoadAsync<RelationshipLedger>("CN-PE"))!;

        Assert.Equal(0, brPe.Contacts.Sum());
        Assert.Single(await Current<PledgeRow>(session, "BR-PE"), p => p.By == "BR");
        Assert.Single(await Current<ContactRow>(session, "CN-PE"));
        Assert.Equal(1, cnPe.Contacts.Sum());
        Assert.DoesNotContain(await Current<PledgeRow>(session, "CN-PE"), p => p.By == "BR");
    }

    [Fact]
    public async Task status_changes_and_retractions_of_pledges_show_in_the_rows_and_the_counters_follow_them()
    {
        await using var session = _store.QuerySession();
        var ledger = (await session.LoadAsync<RelationshipLedger>("CN-PE"))!;
        var pledges = await Current<PledgeRow>(session, "CN-PE");

        Assert.Equal(6, pledges.Count); // seven made, one retracted
        Assert.Single(pledges, p => p.Status == PledgeStatus.Fulfilled);
        Assert.Single(pledges, p => p.Status == PledgeStatus.PartiallyFulfilled);
        Assert.Equal(3, (await Current<FollowUpRow>(session, "CN-PE")).Count);
        Assert.Equal(3, ledger.OpenFollowUps.Sum());
        foreach (var status in Enum.GetValues<PledgeStatus>())
        {
            Assert.Equal(pledges.Count(p => p.Status == status), ledger.Sides.Values.Sum(side => side.ByStatus[(int)status].Sum()));
        }
    }

    [Fact]
    public async Task a_changed_row_keeps_its_earlier_version_closed_at_the_position_of_the_change()
    {
        await using var session = _store.QuerySession();
        var all = await session.Query<PledgeRow>().Where(p => p.Key == "CN-PE").ToListAsync();
        var fulfilled = all.Single(p => p.UntilPosition == null && p.Status == PledgeStatus.Fulfilled);
        var earlier = Assert.Single(all, p => p.EntryId == fulfilled.EntryId && p.UntilPosition != null);
        var retracted = all.Where(p => !all.Any(c => c.UntilPosition == null && c.EntryId == p.EntryId)).ToArray();

        Assert.Equal(PledgeStatus.Open, earlier.Status);
        Assert.Equal(fulfilled.FromPosition, earlier.UntilPosition);
        Assert.Equal($"CN-PE/{fulfilled.EntryId}/{earlier.FromPosition}", earlier.Id);
        Assert.Equal($"CN-PE/{fulfilled.EntryId}", fulfilled.Id);
        Assert.Single(retracted);
    }

    [Fact]
    public async Task every_event_of_a_relationship_has_a_position_there_pointing_at_its_stream_and_version()
    {
        await using var session = _store.QuerySession();
        var ledger = (await session.LoadAsync<RelationshipLedger>("CN-PE"))!;
        var positions = await session.AdvancedSql.QueryAsync<long>(
            "select r.position from commsledger.relationship_events r join commsledger.mt_events e on e.stream_id = r.stream_id and e.version = r.version "
            + "where r.key = 'CN-PE' order by e.seq_id", CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, (int)ledger.Position).Select(p => (long)p), positions);
    }

    [Fact]
    public async Task the_relationship_document_does_not_grow_with_the_relationship()
    {
        await LogCalls(3);
        var small = await LedgerBytes("CN-PE");
        await LogCalls(30);

        Assert.InRange(await LedgerBytes("CN-PE"), small - 200, small + 200);
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

    private static async Task<IReadOnlyList<T>> Current<T>(IQuerySession session, string key)
        where T : RelationshipRow =>
        await session.Query<T>().Where(r => r.Key == key && r.UntilPosition == null).ToListAsync();

    private async Task<int> LedgerBytes(string key)
    {
        await using var session = _store.QuerySession();
        return JsonSerializer.SerializeToUtf8Bytes(await session.LoadAsync<RelationshipLedger>(key)).Length;
    }

    /// <summary>Calls of the same shape, each with a pledge and a follow-up, so that only the counts change.</summary>
    private async Task LogCalls(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var draft = Application.Demo.SeedCall.Draft() with { Source = null, Statements = [], Commitments = [Application.Demo.SeedCall.Draft().Commitments[1]] };
            await using var session = _store.LightweightSession();
            await session.Start(InteractionDecisions.Log(draft, Guid.NewGuid(), Guid.NewGuid, History.Today), Classification.TopSecret, CancellationToken.None);
        }
    }
}
