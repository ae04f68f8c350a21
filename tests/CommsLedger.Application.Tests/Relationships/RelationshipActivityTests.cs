using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Interactions.TimeTravel;
using CommsLedger.Application.Pledges.Assessing;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Application.Relationships.Activity;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.TimeTravel;

namespace CommsLedger.Application.Tests.Relationships;

[Collection(PostgresCollection.Name)]
public sealed class RelationshipActivityTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task the_activity_counts_pledges_per_year_scores_each_side_and_lists_corrections_within_clearance()
    {
        var call = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        var sinopharm = call.Commitments.Single(c => c.Text.Contains("phase-3", StringComparison.Ordinal)).PledgeId;
        var read = await _ledger.Ask(new GetPledge(sinopharm));
        await _ledger.Send(new AssessCompliance(sinopharm, read.Version, 1, "Trials ran in Lima", null, new DateOnly(2021, 3, 1)));
        var statement = call.Statements[0].StatementId;
        await _ledger.Send(new CorrectEntry(EntryKind.Statement, call.Id, statement, call.Version, "text", "China is ready to work with Peru.", "Shortened"));

        var activity = await _ledger.Ask(new GetRelationshipActivity("PE-CN"), Classification.Confidential);

        Assert.Equal([new PledgesInYear(2020, 7)], activity.PledgesPerYear);
        var china = activity.Compliance.Single(s => s.Party == "CN");
        Assert.Equal((4, 1, 100m), (china.Score.Pledges, china.Score.Assessed, china.Score.Percent!.Value));
        Assert.Equal(0, activity.Compliance.Single(s => s.Party == "PE").Score.Assessed);
        var correction = Assert.Single(activity.RecentCorrections);
        Assert.Equal(("text", "Shortened", call.Id), (correction.Field, correction.Reason, correction.StreamId));
    }

    [Fact]
    public async Task a_correction_of_a_secret_statement_is_not_listed_for_a_confidential_reader()
    {
        var call = await _ledger.Send(new LogInteraction(SeedCall.Draft() with
        {
            Statements = [.. SeedCall.Draft().Statements.Select((s, i) => i == 0 ? s with { Classification = Classification.Secret } : s)],
        }));
        await _ledger.Send(new CorrectEntry(EntryKind.Statement, call.Id, call.Statements[0].StatementId, call.Version, "text", "KESTREL", "Secret fix"));

        Assert.Empty((await _ledger.Ask(new GetRelationshipActivity("CN-PE"), Classification.Confidential)).RecentCorrections);
        Assert.Single((await _ledger.Ask(new GetRelationshipActivity("CN-PE"), Classification.Secret)).RecentCorrections);
    }

    [Fact]
    public async Task an_interaction_as_known_before_a_correction_has_its_old_text_and_before_it_was_logged_is_null()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var call = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        var logged = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var statement = call.Statements[0];
        await _ledger.Send(new CorrectEntry(EntryKind.Statement, call.Id, statement.StatementId, call.Version, "text", "Corrected.", "Test"));

        var then = await _ledger.Ask(new GetInteractionAsOf(call.Id, new AsOf(logged, null)));
        var now = await _ledger.Ask(new GetInteractionAsOf(call.Id, AsOf.Now));

        Assert.Equal(statement.Text, then!.Statements[0].Text);
        Assert.Equal("Corrected.", now!.Statements[0].Text);
        Assert.Null(await _ledger.Ask(new GetInteractionAsOf(call.Id, new AsOf(before, null))));
    }
}
