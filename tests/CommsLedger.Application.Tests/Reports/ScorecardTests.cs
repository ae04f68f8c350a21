using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Application.Tests.Support;

namespace CommsLedger.Application.Tests.Reports;

[Collection(PostgresCollection.Name)]
public sealed class ScorecardTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task the_scorecard_scores_every_party_relationship_and_topic_on_the_g7_scale()
    {
        await ReportScenario.Record(_ledger);

        var card = await _ledger.Ask(new BuildScorecard());

        // Latest scores 0, +1 (CN) and −1 (PE) of 7 pledges: average 0, 50 %.
        Assert.Equal(new ComplianceScore(7, 3, 4, 0m, 50.0m), card.Overall.Score);
        Assert.Equal(["CN", "PE"], card.Parties.Select(p => p.Name));
        Assert.Equal(new ComplianceScore(4, 2, 2, 0.5m, 75.0m), card.Parties[0].Score);
        Assert.Equal(new ComplianceScore(3, 1, 2, -1m, 0m), card.Parties[1].Score);
        Assert.Equal(card.Overall.Score, Assert.Single(card.Relationships, r => r.Name == "CN-PE").Score);
        // COVID-19 vaccine: CN's trials (+1), CN's public good (unassessed), PE's trials (−1).
        Assert.Equal(new ComplianceScore(3, 2, 1, 0m, 50.0m), card.Topics.Single(t => t.Name == "COVID-19 vaccine").Score);
        Assert.Equal(new ComplianceScore(2, 1, 1, 0m, 50.0m), card.Topics.Single(t => t.Name == "multilateralism").Score);
        Assert.Equal(new ComplianceScore(1, 0, 1, null, null), card.Topics.Single(t => t.Name == "investment").Score);
    }

    [Fact]
    public async Task two_thirds_compliance_rounds_the_average_and_the_percentage_once()
    {
        var scenario = await ReportScenario.Record(_ledger);
        await ReportScenario.Assess(_ledger, scenario.Pledges[2], +1, new DateOnly(2021, 3, 1));

        var card = await _ledger.Ask(new BuildScorecard());

        // CN: 0, +1, +1 → average 2/3 = 0.67; (2/3 + 1) / 2 × 100 = 83.3 %.
        Assert.Equal(new ComplianceScore(4, 3, 1, 0.67m, 83.3m), card.Parties[0].Score);
    }
}
