using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Demo;
using CommsLedger.Application.History.Reading;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pledges.ChangingStatus;
using CommsLedger.Application.Pledges.Listing;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Pledges;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Pledges;
using CommsLedger.Projections.TimeTravel;

namespace CommsLedger.Application.Tests.History;

[Collection(PostgresCollection.Name)]
public sealed class TimeTravelTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 1, 1);
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task a_correction_recorded_later_changes_as_known_now_but_not_as_known_before_it()
    {
        var record = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        var pledgeId = record.Commitments[1].PledgeId;
        var pledge = await _ledger.Ask(new GetPledge(pledgeId));
        await Task.Delay(20);
        var beforeCorrection = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await _ledger.Send(new CorrectEntry(EntryKind.Pledge, pledgeId, null, pledge.Version, "text", "China supports Sinopharm trials in Peru", "shortened"));

        var then = await _ledger.Ask(new GetPledge(pledgeId, new AsOf(beforeCorrection, null)));
        var now = await _ledger.Ask(new GetPledge(pledgeId));
        var relationshipThen = await _ledger.Ask(new ListRelationshipPledges("CN-PE", "CN", new PageRequest(), new AsOf(beforeCorrection, null)));

        Assert.StartsWith("China supports Peru in arranging", then.Text, StringComparison.Ordinal);
        Assert.Equal("China supports Sinopharm trials in Peru", now.Text);
        Assert.Contains(relationshipThen.Items, p => p.Text.StartsWith("China supports Peru in arranging", StringComparison.Ordinal));
        Assert.Empty(then.Corrections);
    }

    [Fact]
    public async Task as_known_before_anything_was_recorded_the_relationship_is_empty()
    {
        await _ledger.Send(new LogInteraction(SeedCall.Draft()));

        var view = await _ledger.Ask(new GetRelationship("CN-PE", Today, new AsOf(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), null)));

        Assert.Equal(0, view.InteractionCount);
        Assert.All(view.Sides, side => Assert.Equal(0, side.Pledges));
        Assert.Empty((await _ledger.Ask(new ListRelationshipPledges("CN-PE", null, new PageRequest(), new AsOf(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), null)))).Items);
    }

    [Fact]
    public async Task as_occurred_by_a_date_shows_only_outcomes_that_had_happened_by_then()
    {
        var record = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        var pledgeId = record.Commitments[0].PledgeId;
        await _ledger.Send(new ChangePledgeStatus(pledgeId, 1, PledgeStatus.Fulfilled, new DateOnly(2021, 6, 1), "done"));

        var before = await _ledger.Ask(new ListPledges("CN-PE", "CN", PledgeStatus.Fulfilled, null, null, new AsOf(null, new DateOnly(2021, 5, 31))));
        var after = await _ledger.Ask(new ListPledges("CN-PE", "CN", PledgeStatus.Fulfilled, null, null, new AsOf(null, new DateOnly(2021, 6, 1))));
        var beforeTheCall = await _ledger.Ask(new GetRelationship("CN-PE", Today, new AsOf(null, new DateOnly(2020, 11, 4))));

        Assert.Empty(before);
        Assert.Equal(pledgeId, Assert.Single(after).Id);
        Assert.Equal(0, beforeTheCall.InteractionCount);
    }

    [Fact]
    public async Task history_lists_every_event_of_the_relationship_with_who_and_what_a_correction_replaced()
    {
        var record = await _ledger.Send(new LogInteraction(SeedCall.Draft()), user: "desk.a", correlationId: "c-1");
        var statement = record.Statements[0];
        await _ledger.Send(new CorrectEntry(EntryKind.Statement, record.Id, statement.StatementId, record.Version, "text", "China will work with Peru.", "paraphrase"), user: "reviewer.b", correlationId: "c-2");

        var history = await _ledger.Ask(new GetHistory("PE-CN"));

        Assert.Equal("interaction_logged.v1", history[0].EventType);
        Assert.Equal(new DateOnly(2020, 11, 5), history[0].OccurredOn);
        Assert.Equal(("desk.a", "c-1"), (history[0].RecordedBy, history[0].CorrelationId));
        var correction = history[^1];
        Assert.Equal(("interaction_entry_corrected.v1", "reviewer.b", "c-2"), (correction.EventType, correction.RecordedBy, correction.CorrelationId));
        Assert.Equal($"text was '{statement.Text}'", correction.Replaces);
        Assert.True(history.Zip(history.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence));
    }
}
