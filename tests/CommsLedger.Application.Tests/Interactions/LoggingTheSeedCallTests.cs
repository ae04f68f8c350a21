using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;
using Npgsql;

namespace CommsLedger.Application.Tests.Interactions;

[Collection(PostgresCollection.Name)]
public sealed class LoggingTheSeedCallTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task logging_the_seed_call_records_its_statements_commitments_and_pledge_streams_atomically()
    {
        var record = await _ledger.Send(new LogInteraction(SeedCall.Draft()));

        Assert.Equal(new DateOnly(2020, 11, 5), record.Occurred.Date);
        Assert.Equal(["CN", "PE"], record.Parties);
        Assert.Equal(11, record.Statements.Count);
        Assert.Equal(7, record.Commitments.Count);
        var pledges = await _ledger.Ask(new CommsLedger.Application.Pledges.Listing.ListPledges("CN-PE", null, null, null, null));
        Assert.Equal(7, pledges.Count);
        Assert.All(pledges, p => Assert.Equal(record.Id, p.InteractionId));
    }

    [Fact]
    public async Task the_relationship_ledger_shows_pledges_by_both_sides_and_open_follow_ups()
    {
        await _ledger.Send(new LogInteraction(SeedCall.Draft()));

        var view = await _ledger.Ask(new GetRelationship("PE-CN", new DateOnly(2020, 12, 1)));

        Assert.Equal("CN-PE", view.Key);
        Assert.Equal(1, view.InteractionCount);
        Assert.Equal(4, view.Sides.Single(s => s.Party == "CN").Pledges);
        Assert.Equal(3, view.Sides.Single(s => s.Party == "PE").Pledges);
        Assert.Equal(4, view.OpenFollowUps);
        Assert.Equal(1, view.OverdueFollowUps); // the Import Expo check was due 2020-11-10
        Assert.Contains("COVID-19 vaccine", view.Topics);
    }

    [Fact]
    public async Task logging_the_same_source_twice_is_refused_and_appends_nothing()
    {
        await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        var before = await _ledger.EventCount();

        var refused = await Assert.ThrowsAsync<AlreadyRecorded>(() => _ledger.Send(new LogInteraction(SeedCall.Draft())));

        Assert.Equal(SeedCall.SourceId, refused.SourceId);
        Assert.Equal(before, await _ledger.EventCount());
    }

    [Fact]
    public async Task every_event_row_carries_the_user_the_correlation_id_and_a_pinned_type_name()
    {
        await _ledger.Send(new LogInteraction(SeedCall.Draft()), user: "desk.officer", correlationId: "corr-123");

        await using var connection = new NpgsqlConnection(_ledger.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select distinct user_name, correlation_id, type, headers->>'classification' from commsledger.mt_events", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string User, string Correlation, string Type, string Classification)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        Assert.All(rows, r => Assert.Equal("desk.officer", r.User));
        Assert.All(rows, r => Assert.Equal("corr-123", r.Correlation));
        Assert.All(rows, r => Assert.Equal("UNCLASSIFIED", r.Classification));
        Assert.Equal(
            ["commitment_recorded.v1", "follow_up_scheduled.v1", "interaction_logged.v1", "pledge_made.v1", "statement_recorded.v1"],
            rows.Select(r => r.Type).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task the_pledge_register_links_each_pledge_to_its_source_interaction_and_follow_ups()
    {
        var record = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        var sinopharm = record.Commitments.Single(c => c.Text.Contains("phase-3", StringComparison.Ordinal));

        var pledge = await _ledger.Ask(new CommsLedger.Application.Pledges.Viewing.GetPledge(sinopharm.PledgeId));

        Assert.Equal(record.Id, pledge.InteractionId);
        Assert.Equal("CN", pledge.By);
        Assert.Equal("PE", pledge.To);
        Assert.Single(pledge.FollowUps);
        Assert.Equal(2, pledge.Version);
        Assert.IsType<PledgeRegister>(pledge);
    }
}
