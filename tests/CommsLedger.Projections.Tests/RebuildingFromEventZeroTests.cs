using System.Text.Json;
using CommsLedger.Application.History.Replaying;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections;
using CommsLedger.Projections.FollowUps;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.Search;
using Marten;

namespace CommsLedger.Projections.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RebuildingFromEventZeroTests(PostgresCluster postgres)
{
    [Fact]
    public async Task rebuilding_every_projection_from_event_zero_gives_exactly_the_live_documents()
    {
        await using var store = LedgerStore.Create(await postgres.Cluster.CreateDatabaseAsync("rebuild" + Guid.NewGuid().ToString("N")[..8]));
        await History.Record(store);
        var live = await Snapshot(store);

        // As replay and import --bulk rebuild: statistics first, every read model side by side, tuned pages.
        await ReadModelRebuild.All(store, null, CancellationToken.None);

        var rebuilt = await Snapshot(store);
        Assert.Equal(LedgerProjections.DocumentTypes.Count + 2, live.Count);
        Assert.All(live.Where(kv => kv.Key != "checkpoints"), kv => Assert.NotEqual("[]", kv.Value));
        foreach (var (type, json) in live)
        {
            Assert.Equal(json, rebuilt[type]);
        }
    }

    [Fact]
    public async Task replay_check_rebuilds_in_memory_and_finds_no_difference_from_the_live_documents()
    {
        await using var store = LedgerStore.Create(await postgres.Cluster.CreateDatabaseAsync("check" + Guid.NewGuid().ToString("N")[..8]));
        await History.Record(store);

        var report = await new ReplayProjectionsHandler(store, new CommsLedger.Application.Pipeline.Actor { Clearance = Classification.TopSecret }).Handle(new ReplayProjections(CheckOnly: true), CancellationToken.None);

        Assert.Empty(report.Differences);
        Assert.Equal(8, report.Documents["pledges"]);
        Assert.True(report.Documents["search"] > 20);
        Assert.True(report.Events > 40);
    }

    [Fact]
    public async Task replay_check_reports_a_read_model_that_drifted_from_the_log()
    {
        await using var store = LedgerStore.Create(await postgres.Cluster.CreateDatabaseAsync("drift" + Guid.NewGuid().ToString("N")[..8]));
        var (seed, _) = await History.Record(store);
        await using (var session = store.LightweightSession())
        {
            var record = (await session.LoadAsync<InteractionRecord>(seed))!;
            record.Summary = "rewritten behind the ledger's back";
            session.Store(record);
            await session.SaveChangesAsync();
        }

        var report = await new ReplayProjectionsHandler(store, new CommsLedger.Application.Pipeline.Actor { Clearance = Classification.TopSecret }).Handle(new ReplayProjections(CheckOnly: true), CancellationToken.None);

        var difference = Assert.Single(report.Differences);
        Assert.StartsWith($"interactions {seed}: differs", difference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task replay_check_reports_a_search_entry_that_drifted_from_the_log()
    {
        await using var store = LedgerStore.Create(await postgres.Cluster.CreateDatabaseAsync("drift" + Guid.NewGuid().ToString("N")[..8]));
        var (seed, _) = await History.Record(store);
        await using (var session = store.LightweightSession())
        {
            session.QueueSqlCommand("update commsledger.search_entries set body = 'rewritten' where entry_id = ?", seed);
            await session.SaveChangesAsync();
        }

        var report = await new ReplayProjectionsHandler(store, new CommsLedger.Application.Pipeline.Actor { Clearance = Classification.TopSecret }).Handle(new ReplayProjections(CheckOnly: true), CancellationToken.None);

        var difference = Assert.Single(report.Differences);
        Assert.StartsWith($"search {seed} v1: differs", difference, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> Snapshot(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return new Dictionary<string, string>
        {
            ["interactions"] = Json((await session.Query<InteractionRecord>().ToListAsync()).OrderBy(d => d.Id)),
            ["pledges"] = Json((await session.Query<PledgeRegister>().ToListAsync()).OrderBy(d => d.Id)),
            ["followups"] = Json((await session.Query<FollowUpItem>().ToListAsync()).OrderBy(d => d.Id)),
            ["relationships"] = Json((await session.Query<RelationshipLedger>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal)),
            ["contacts"] = Json((await session.Query<ContactRow>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal)),
            ["pledge rows"] = Json((await session.Query<PledgeRow>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal)),
            ["follow-up rows"] = Json((await session.Query<FollowUpRow>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal)),
            ["checkpoints"] = Json((await session.Query<RelationshipCheckpoint>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal)),
            ["positions"] = Json(await session.AdvancedSql.QueryAsync<string>(
                "select row_to_json(t)::text from commsledger.relationship_events t order by key, position", CancellationToken.None)),
            ["search"] = Json(await session.AdvancedSql.QueryAsync<string>(
                "select row_to_json(t)::text from commsledger.search_entries t order by entry_id, version", CancellationToken.None)),
        };
    }

    private static string Json<T>(IEnumerable<T> documents) => JsonSerializer.Serialize(documents.ToArray());
}
