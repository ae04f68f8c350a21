using System.Text.Json;
using CommsLedger.Application.Access.Disabling;
using CommsLedger.Application.Access.Keys;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.History.Replaying;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.FollowUps;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using Marten;

namespace CommsLedger.Projections.Tests;

/// <summary>A ledger holding at least one event of every type the domain declares: the live projections, a rebuild
/// from event zero and the in-memory replay (time travel's) must all agree on it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EveryEventTests(PostgresCluster postgres) : IAsyncLifetime
{
    private DocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = LedgerStore.Create(await postgres.Cluster.CreateDatabaseAsync("every" + Guid.NewGuid().ToString("N")[..8]));
        var (seed, trilateral) = await History.Record(_store);
        await RecordTheRest(_store, seed, trilateral);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task the_ledger_holds_an_event_of_every_declared_type()
    {
        await using var session = _store.QuerySession();
        var stored = await session.AdvancedSql.QueryAsync<string>($"select distinct type from {LedgerStore.Schema}.mt_events", CancellationToken.None);

        Assert.Equal(EventCatalogue.StoredNames.Values.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task replaying_every_event_type_in_memory_gives_exactly_the_live_documents()
    {
        var report = await new ReplayProjectionsHandler(_store, new Actor { Clearance = Classification.TopSecret })
            .Handle(new ReplayProjections(CheckOnly: true), CancellationToken.None);

        Assert.True(report.Differences.Count == 0, string.Join("\n", report.Differences));
        // A relationship's first checkpoint comes after its RelationshipFold.CheckpointEvery-th event; this ledger is smaller.
        Assert.All(report.Documents.Where(kv => kv.Key != "relationship checkpoints"), kv => Assert.True(kv.Value > 0, kv.Key));
    }

    [Fact]
    public async Task rebuilding_every_event_type_from_event_zero_gives_exactly_the_live_documents()
    {
        var live = await Snapshot();
        await ReadModelRebuild.All(_store, null, CancellationToken.None);

        var rebuilt = await Snapshot();
        Assert.All(live, kv => Assert.Equal(kv.Value, rebuilt[kv.Key]));
    }

    /// <summary>The events <see cref="History.Record"/> leaves out, each through its real decision.</summary>
    private static async Task RecordTheRest(IDocumentStore store, Guid seed, Guid trilateral)
    {
        await using var query = store.QuerySession();
        var seedPledges = (await query.Query<PledgeRegister>().Where(p => p.InteractionId == seed).ToListAsync())
            .Where(p => p.Status == PledgeStatus.Open && p.Corrections.Count == 0 && p.Assessments.Count == 0)
            .ToArray();
        var offer = (await query.Query<PledgeRegister>().SingleAsync(p => p.InteractionId == trilateral)).Id;
        var record = (await query.LoadAsync<InteractionRecord>(seed))!;
        var statement = record.Statements[^1].StatementId;

        var (first, second) = (seedPledges[0], seedPledges[1]);
        await History.Change<Pledge>(store, first.Id, first.Version, s => PledgeDecisions.NoteProgress(s, "talks under way", new DateOnly(2021, 1, 10)));
        await History.Change<Pledge>(store, first.Id, first.Version + 1, s => PledgeDecisions.ChangeStatus(s, PledgeStatus.Broken, new DateOnly(2021, 3, 10), "talks ended"));
        await History.Change<Pledge>(store, second.Id, second.Version, s => PledgeDecisions.ChangeStatus(s, PledgeStatus.Withdrawn, new DateOnly(2021, 3, 11), "withdrawn"));
        await History.Change<Pledge>(store, offer, 2, s => FollowUpDecisions.Cancel(s, s.FollowUps.Statuses.Keys.Single(), "venue chosen elsewhere"));
        await History.Change<Pledge>(store, offer, 3, s => PledgeDecisions.ChangeStatus(s, PledgeStatus.Lapsed, new DateOnly(2021, 5, 2), "no round held"));
        var version = record.Version;
        await History.Change<Interaction>(store, seed, version++, s => InteractionDecisions.RetractStatement(s, statement, "misattributed"));
        await History.Change<Interaction>(store, seed, version++, s => InteractionDecisions.Correct(s, null, "summary", "Phone call on vaccines, trade and multilateralism.", "fuller summary"));
        var followUp = Guid.NewGuid();
        await History.Change<Interaction>(store, seed, version++, s => InteractionDecisions.ScheduleFollowUp(s, new FollowUpDraft("Brief the minister", "Americas desk", new DateOnly(2021, 1, 20)), followUp));
        await History.Change<Interaction>(store, seed, version++, s => FollowUpDecisions.Complete(s, followUp, "briefed", new DateOnly(2021, 1, 19)));
        await using var session = store.LightweightSession();
        session.LastModifiedBy = "history";
        var reaffirmable = await session.LockPledges([first.Id], Classification.TopSecret, CancellationToken.None);
        var restated = new CommitmentDraft(first.By, first.To, first.Kind, "China reaffirmed its support", "", null, [], [], Reaffirms: first.Id);
        await session.Change<Interaction>(seed, version, Classification.TopSecret,
            s => InteractionDecisions.AddCommitment(s, restated, Guid.NewGuid(), Guid.NewGuid, reaffirmable), CancellationToken.None);
        await RecordAccess(store);
    }

    /// <summary>A user's stream, through the access handlers: added, changed, disabled and enabled again, keyed and the key revoked.</summary>
    private static async Task RecordAccess(IDocumentStore store)
    {
        var admin = new Actor { UserName = "history", Clearance = Classification.TopSecret };
        await using (var session = store.LightweightSession())
        {
            await new AddUserHandler(session, admin).Handle(new AddUser("ada", [LedgerRole.Reviewer], Classification.Secret, null), CancellationToken.None);
        }

        await using (var session = store.LightweightSession())
        {
            await new ChangeUserAccessHandler(session, admin).Handle(new ChangeUserAccess("ada", [LedgerRole.Reporter], Classification.Confidential), CancellationToken.None);
        }

        await using (var session = store.LightweightSession())
        {
            await new DisableUserHandler(session, admin).Handle(new DisableUser("ada"), CancellationToken.None);
        }

        await using (var session = store.LightweightSession())
        {
            await new DisableUserHandler(session, admin).Handle(new EnableUser("ada"), CancellationToken.None);
        }

        IssuedApiKey key;
        await using (var session = store.LightweightSession())
        {
            key = await new IssueApiKeyHandler(session, TimeProvider.System).Handle(new IssueApiKey("ada", "nightly"), CancellationToken.None);
        }

        await using (var session = store.LightweightSession())
        {
            await new RevokeApiKeyHandler(session).Handle(new RevokeApiKey(key.KeyId), CancellationToken.None);
        }

    }

    private async Task<Dictionary<string, string>> Snapshot()
    {
        await using var session = _store.QuerySession();
        return new Dictionary<string, string>
        {
            ["interactions"] = JsonSerializer.Serialize((await session.Query<InteractionRecord>().ToListAsync()).OrderBy(d => d.Id)),
            ["pledges"] = JsonSerializer.Serialize((await session.Query<PledgeRegister>().ToListAsync()).OrderBy(d => d.Id)),
            ["followups"] = JsonSerializer.Serialize((await session.Query<FollowUpItem>().ToListAsync()).OrderBy(d => d.Id)),
            ["relationships"] = JsonSerializer.Serialize((await session.Query<RelationshipLedger>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal)),
            ["contacts"] = JsonSerializer.Serialize((await session.Query<ContactRow>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal)),
            ["pledge rows"] = JsonSerializer.Serialize((await session.Query<PledgeRow>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal)),
            ["follow-up rows"] = JsonSerializer.Serialize((await session.Query<FollowUpRow>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal)),
            ["positions"] = JsonSerializer.Serialize(await session.AdvancedSql.QueryAsync<string>(
                "select row_to_json(t)::text from commsledger.relationship_events t order by key, position", CancellationToken.None)),
            ["search"] = JsonSerializer.Serialize(await session.AdvancedSql.QueryAsync<string>(
                "select row_to_json(t)::text from commsledger.search_entries t order by entry_id, version", CancellationToken.None)),
        };
    }
}
