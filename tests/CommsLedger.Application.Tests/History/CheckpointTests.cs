using System.Text.Json;
using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Application.Storage;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Interactions;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using Marten;

namespace CommsLedger.Application.Tests.History;

[Collection(PostgresCollection.Name)]
public sealed class CheckpointTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 1, 1);
    private static readonly DateOnly FarFuture = new(9999, 1, 1);
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task as_known_at_from_a_checkpoint_equals_a_replay_from_event_zero()
    {
        var midway = await LogCallsAroundAMoment();
        var end = DateTimeOffset.UtcNow;
        await using (var session = _ledger.Store.QuerySession())
        {
            // 25 calls of about 100 events each: the projection wrote the checkpoint at the relationship's 2000th event.
            var checkpoint = Assert.Single(await session.Query<RelationshipCheckpoint>().ToListAsync());
            Assert.Equal(RelationshipFold.CheckpointEvery, checkpoint.Position);
        }

        foreach (var at in new[] { midway, end })
        {
            // An as-occurred-by far in the future keeps every fact but forces the replay from event zero.
            var fromZero = await _ledger.Ask(new GetRelationship("CN-PE", Today, new AsOf(at, FarFuture)));
            var fromCheckpoint = await _ledger.Ask(new GetRelationship("CN-PE", Today, new AsOf(at, null)));

            Assert.Equal(JsonSerializer.Serialize(fromZero), JsonSerializer.Serialize(fromCheckpoint));
        }

        Assert.Equal(25, (await _ledger.Ask(new GetRelationship("CN-PE", Today, new AsOf(end, null)))).InteractionCount);
        Assert.Equal(12, (await _ledger.Ask(new GetRelationship("CN-PE", Today, new AsOf(midway, null)))).InteractionCount);
    }

    [Fact]
    public async Task a_rebuild_writes_the_checkpoints_and_positions_the_live_projection_wrote_and_as_known_at_answers_as_before()
    {
        var midway = await LogCallsAroundAMoment();
        var live = await Stored();
        var before = await AsKnownAt(midway);

        await ReadModelRebuild.All(_ledger.Store, null, CancellationToken.None);

        Assert.Equal(live, await Stored());
        Assert.Contains(RelationshipCheckpoint.IdOf("CN-PE", RelationshipFold.CheckpointEvery), live.Checkpoints, StringComparison.Ordinal);
        Assert.Equal(before, await AsKnownAt(midway));
    }

    private async Task<(string Checkpoints, string Positions)> Stored()
    {
        await using var session = _ledger.Store.QuerySession();
        var checkpoints = (await session.Query<RelationshipCheckpoint>().ToListAsync()).OrderBy(c => c.Id, StringComparer.Ordinal);
        var positions = await session.AdvancedSql.QueryAsync<string>(
            "select row_to_json(t)::text from commsledger.relationship_events t order by key, position", CancellationToken.None);
        return (JsonSerializer.Serialize(checkpoints), JsonSerializer.Serialize(positions));
    }

    private async Task<string> AsKnownAt(DateTimeOffset at) =>
        JsonSerializer.Serialize(await _ledger.Ask(new GetRelationship("CN-PE", Today, new AsOf(at, null))));

    /// <summary>12 calls before the moment it returns, 13 after.</summary>
    private async Task<DateTimeOffset> LogCallsAroundAMoment()
    {
        await LogCalls(12);
        var midway = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await LogCalls(13);
        return midway;
    }

    private async Task LogCalls(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var seed = SeedCall.Draft();
            var statements = Enumerable.Range(0, 100).Select(n => new StatementDraft("Wang Yi", "CN", $"Statement {n} of a long call.", ["topic " + (n % 7)])).ToArray();
            await _ledger.Send(new LogInteraction(seed with { Source = null, Statements = statements, Commitments = seed.Commitments.Take(1).ToArray() }));
        }
    }
}
