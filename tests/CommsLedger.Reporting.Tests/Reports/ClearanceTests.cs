using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pledges.Assessing;
using CommsLedger.Application.Reports.Brief;
using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Application.Tests.Reports;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Reporting.Tests.Reports;

[Collection(PostgresCollection.Name)]
public sealed class ClearanceTests(PostgresCluster postgres) : IAsyncLifetime
{
    private const string Marker = "Nightingale";
    private static readonly DateOnly On = new(2021, 4, 1);
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task secret_items_change_not_one_byte_of_a_confidential_readers_reports()
    {
        await ReportScenario.Record(_ledger);
        await _ledger.Send(new LogInteraction(Meeting("confidential-1", Classification.Confidential, "Embassy counsellors met on port access")));
        var brief = new BuildBrief("CN-PE", On, new DateOnly(2020, 1, 1));
        var (before, briefBefore) = await Rendered.All(_ledger, brief, Classification.Confidential);
        var (_, cardBefore) = await Rendered.All(_ledger, new BuildScorecard(), Classification.Confidential);

        var secret = await _ledger.Send(new LogInteraction(Meeting("secret-1", Classification.Secret, $"{Marker}: envoys met on the lithium concession")));
        var secretPledge = secret.Commitments.Single().PledgeId;
        await _ledger.Send(new AssessCompliance(secretPledge, (await _ledger.Ask(new Application.Pledges.Viewing.GetPledge(secretPledge))).Version, -1, "not done", null, new DateOnly(2021, 3, 1)), user: "reviewer.two");
        var (_, briefAfter) = await Rendered.All(_ledger, brief, Classification.Confidential);
        var (_, cardAfter) = await Rendered.All(_ledger, new BuildScorecard(), Classification.Confidential);
        var (secretBrief, briefSecretReader) = await Rendered.All(_ledger, brief, Classification.Secret);

        Assert.Equal(Classification.Confidential, before.Banner);
        foreach (var format in Rendered.TextFormats)
        {
            Assert.Equal(briefBefore[format], briefAfter[format]);
            Assert.Equal(cardBefore[format], cardAfter[format]);
            Assert.DoesNotContain(Marker, briefAfter[format], StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", briefAfter[format], StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", cardAfter[format], StringComparison.Ordinal);
            Assert.Contains(Marker, briefSecretReader[format], StringComparison.Ordinal);
        }

        Assert.Equal(Classification.Secret, secretBrief.Banner);
        Assert.StartsWith("**SECRET**", briefSecretReader[ReportFormat.Md], StringComparison.Ordinal);
        Assert.Contains("<div class=\"banner top\" role=\"banner\">SECRET</div>", briefSecretReader[ReportFormat.Html], StringComparison.Ordinal);
        Assert.Contains("| (S) |", briefSecretReader[ReportFormat.Md], StringComparison.Ordinal);
        Assert.Contains("| (C) |", briefAfter[ReportFormat.Md], StringComparison.Ordinal);
    }

    private static InteractionDraft Meeting(string sourceId, Classification marking, string summary) => SeedCall.Draft() with
    {
        Kind = InteractionKind.Meeting,
        Occurred = new OccurredAt(new DateOnly(2021, 3, 10)),
        Summary = summary,
        Source = new SourceReference(sourceId, null, null),
        Classification = marking,
        Statements = [new StatementDraft("Wang Yi", "CN", summary + " (statement)", ["mining"])],
        Commitments = [new CommitmentDraft("CN", "PE", CommitmentKind.Pledge, summary + " (pledge)", "mining", new DateOnly(2021, 3, 20),
            [new FollowUpDraft(summary + " (follow-up)", "Mining desk", new DateOnly(2021, 3, 25))], ["033"])],
        FollowUps = [],
    };
}
