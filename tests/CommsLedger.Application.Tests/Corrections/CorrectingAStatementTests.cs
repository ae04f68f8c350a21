using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Corrections.Retracting;
using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Interactions;

namespace CommsLedger.Application.Tests.Corrections;

[Collection(PostgresCollection.Name)]
public sealed class CorrectingAStatementTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task a_correction_shows_in_the_interaction_record_and_the_original_stays_readable_in_the_stream()
    {
        var record = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        var statement = record.Statements.First(s => s.Speaker == "Mario Lopez");
        var original = statement.Text;

        await _ledger.Send(new CorrectEntry(EntryKind.Statement, record.Id, statement.StatementId, record.Version, "text", "He thanked China for its support.", "quoted the wrong paragraph"), user: "reviewer.x");

        var corrected = await _ledger.Ask(new GetInteraction(record.Id));
        Assert.Equal("He thanked China for its support.", corrected.Statements.Single(s => s.StatementId == statement.StatementId).Text);
        var correction = Assert.Single(corrected.Corrections);
        Assert.Equal((original, "quoted the wrong paragraph", "reviewer.x"), (correction.Was, correction.Reason, correction.RecordedBy));

        await using var session = _ledger.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(record.Id);
        var recorded = events.Select(e => e.Data).OfType<StatementRecorded>().Single(s => s.StatementId == statement.StatementId);
        Assert.Equal(original, recorded.Text);
        Assert.IsType<InteractionEntryCorrected>(events[^1].Data);
    }

    [Fact]
    public async Task retracting_an_interaction_removes_it_from_its_relationship_but_not_from_the_log()
    {
        var record = await _ledger.Send(new LogInteraction(SeedCall.Draft()));

        await _ledger.Send(new RetractEntry(EntryKind.Interaction, record.Id, null, record.Version, "logged the wrong call"));

        var view = await _ledger.Ask(new GetRelationship("CN-PE", new DateOnly(2021, 1, 1)));
        Assert.Equal(0, view.InteractionCount);
        Assert.True((await _ledger.Ask(new GetInteraction(record.Id))).Retracted);
        await using var session = _ledger.Store.QuerySession();
        Assert.IsType<InteractionLogged>((await session.Events.FetchStreamAsync(record.Id))[0].Data);
    }

    [Fact]
    public async Task correcting_with_a_stale_version_is_a_conflict()
    {
        var record = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        await _ledger.Send(new CorrectEntry(EntryKind.Interaction, record.Id, null, record.Version, "summary", "Phone call on vaccines.", "shorter"));

        await Assert.ThrowsAsync<CommsLedger.Domain.Shared.VersionConflict>(() =>
            _ledger.Send(new CorrectEntry(EntryKind.Interaction, record.Id, null, record.Version, "summary", "Another summary.", "mine")));
    }
}
