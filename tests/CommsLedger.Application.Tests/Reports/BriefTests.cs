using CommsLedger.Application.Reports.Brief;
using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Application.Tests.Support;

namespace CommsLedger.Application.Tests.Reports;

[Collection(PostgresCollection.Name)]
public sealed class BriefTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly DateOnly On = new(2021, 4, 1);
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task a_brief_counts_pledges_compliance_and_follow_ups_as_recorded()
    {
        var scenario = await ReportScenario.Record(_ledger);

        var brief = await _ledger.Ask(new BuildBrief("pe-cn", On, new DateOnly(2020, 1, 1)));

        Assert.Equal("CN-PE", brief.Relationship);
        Assert.Equal(new DateOnly(2020, 11, 5), Assert.Single(brief.LastContacts).OccurredOn);
        var cn = brief.Sides.Single(s => s.Party == "CN");
        var pe = brief.Sides.Single(s => s.Party == "PE");
        // CN: +1 (Sinopharm) and 0 (multilateralism, its latest) of 4 pledges: average 0.5, (0.5 + 1) / 2 × 100 = 75 %.
        Assert.Equal(new ComplianceScore(4, 2, 2, 0.5m, 75.0m), cn.Compliance);
        // PE: one −1 of 3 pledges: (−1 + 1) / 2 × 100 = 0 %.
        Assert.Equal(new ComplianceScore(3, 1, 2, -1m, 0m), pe.Compliance);
        var sinopharm = cn.Pledges.Single(p => p.PledgeId == scenario.Pledges[1]);
        Assert.Equal(("fulfilled", (int?)1), (sinopharm.Status, sinopharm.LatestScore));
        Assert.Equal(ReportScenario.CorrectedText, cn.Pledges.Single(p => p.PledgeId == scenario.Pledges[2]).Text);
        Assert.Equal(0, cn.Pledges.Single(p => p.PledgeId == scenario.Pledges[0]).LatestScore);

        // The expo follow-up was completed; the new one is due after 1 April; the trials' and procurement's are overdue.
        Assert.Equal(
            [(new DateOnly(2020, 12, 31), true), (new DateOnly(2021, 3, 31), true), (new DateOnly(2021, 5, 15), false), (new DateOnly(2021, 6, 30), false)],
            brief.FollowUps.Select(f => (f.Due, f.Overdue)));
        var change = Assert.Single(brief.Changes);
        Assert.Equal("reviewer.two", change.RecordedBy);
        Assert.StartsWith("text was 'China's vaccine will be supplied", change.Replaces, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_brief_names_the_sequence_of_the_last_event_it_includes_and_its_parameters()
    {
        await ReportScenario.Record(_ledger);

        var brief = await _ledger.Ask(new BuildBrief("CN-PE", On));

        Assert.Equal(await _ledger.EventCount(), brief.Header.Position.LastSequence);
        Assert.Null(brief.Header.Position.Checkpoint);
        Assert.Equal(Domain.Shared.Classification.TopSecret, brief.Header.Clearance);
        Assert.Equal(("changes since", "2021-01-01"), (brief.Header.Parameters[2].Name, brief.Header.Parameters[2].Value));
    }

    [Fact]
    public async Task a_brief_of_an_unknown_pair_is_empty_and_a_malformed_key_is_rejected_naming_the_field()
    {
        var empty = await _ledger.Ask(new BuildBrief("FR-DE", On));
        var error = await Assert.ThrowsAsync<Domain.Shared.CommandRejected>(() => _ledger.Ask(new BuildBrief("CN", On)));

        Assert.Empty(empty.LastContacts);
        Assert.Equal(0, empty.Header.Position.LastSequence);
        Assert.Equal("relationship", Assert.Single(error.Errors).Field);
    }
}
