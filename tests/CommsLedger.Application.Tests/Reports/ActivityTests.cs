using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Corrections.Retracting;
using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Application.Reports.Activity;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Tests.Reports;

[Collection(PostgresCollection.Name)]
public sealed class ActivityTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task interactions_and_commitments_are_counted_per_month_and_relationship_with_empty_months_between()
    {
        var scenario = await ReportScenario.Record(_ledger);
        await LogMeeting(new DateOnly(2021, 1, 20));
        await _ledger.Send(new RetractEntry(EntryKind.Pledge, scenario.Pledges[6], null, await ReportScenario.Version(_ledger, scenario.Pledges[6]), "recorded twice"));

        var report = await _ledger.Ask(new BuildActivity());

        // The seed call (Nov 2020) made 7 pledges, one since retracted; the January meeting (CN, PE, US) counts once per
        // relationship, with its one pledge by CN to PE in CN-PE only.
        Assert.Equal(
            [("CN-PE", "2020-11", 1, 6), ("CN-PE", "2021-01", 1, 1), ("CN-US", "2021-01", 1, 0), ("PE-US", "2021-01", 1, 0)],
            report.Lines.Select(l => (l.Group, l.Month, l.Interactions, l.Commitments)));
        Assert.Equal(
            [("2020-11", 1, 6), ("2020-12", 0, 0), ("2021-01", 1, 1)],
            report.Months.Select(m => (m.Month, m.Interactions, m.Commitments)));
    }

    [Fact]
    public async Task per_party_an_interaction_counts_once_and_a_commitment_for_its_maker()
    {
        await ReportScenario.Record(_ledger);
        var meeting = await LogMeeting(new DateOnly(2021, 1, 20));
        await _ledger.Send(new CorrectEntry(EntryKind.Interaction, meeting.Id, null, meeting.Version, InteractionFields.OccurredOn, "2021-02-03", "wrong day"));

        var report = await _ledger.Ask(new BuildActivity(ActivityGrouping.Party, From: new DateOnly(2021, 1, 1)));
        var china = await _ledger.Ask(new BuildActivity(ActivityGrouping.Party, Party: "cn"));

        Assert.Equal(
            [("CN", "2021-02", 1, 1), ("PE", "2021-02", 1, 0), ("US", "2021-02", 1, 0)],
            report.Lines.Select(l => (l.Group, l.Month, l.Interactions, l.Commitments)));
        Assert.Equal(["2021-01", "2021-02"], report.Months.Select(m => m.Month));
        Assert.Equal([("CN", "2020-11", 1, 4), ("CN", "2021-02", 1, 1)], china.Lines.Select(l => (l.Group, l.Month, l.Interactions, l.Commitments)));
    }

    [Fact]
    public async Task bad_parameters_are_rejected_naming_each_field()
    {
        var error = await Assert.ThrowsAsync<CommandRejected>(() => _ledger.Ask(new BuildActivity(Relationship: "CN", Party: "XX", From: new DateOnly(2021, 5, 1), To: new DateOnly(2021, 1, 1))));

        Assert.Equal(["relationship", "party", "to"], error.Errors.Select(e => e.Field));
    }

    private async Task<Projections.Interactions.InteractionRecord> LogMeeting(DateOnly on)
    {
        var draft = SeedCall.Draft() with
        {
            Kind = InteractionKind.Meeting,
            Occurred = new OccurredAt(on),
            Summary = "Trilateral meeting on ports",
            Source = new SourceReference("meeting-" + on.ToString("yyyyMMdd"), null, null),
            Participants = [.. SeedCall.Draft().Participants, new Participant("Jane Doe", "Envoy", "US")],
            Statements = [],
            Commitments = [new CommitmentDraft("CN", "PE", CommitmentKind.Pledge, "China will fund a port study", "ports", null, [], ["033"])],
            FollowUps = [],
        };
        var logged = await _ledger.Send(new LogInteraction(draft));
        return await _ledger.Ask(new GetInteraction(logged.Id));
    }
}
