using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pledges.Assessing;
using CommsLedger.Application.Reports.Activity;
using CommsLedger.Application.Reports.Brief;
using CommsLedger.Application.Reports.Overdue;
using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Application.Tests.Reports;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting.Scheduling;

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
        var (_, overdueBefore) = await Rendered.All(_ledger, new BuildOverdue(On), Classification.Confidential);
        var (_, activityBefore) = await Rendered.All(_ledger, new BuildActivity(), Classification.Confidential);

        // In a month of its own, so that a bar or a month row would give it away.
        var secret = await _ledger.Send(new LogInteraction(Meeting("secret-1", Classification.Secret, $"{Marker}: envoys met on the lithium concession", new DateOnly(2021, 5, 12))));
        var secretPledge = secret.Commitments.Single().PledgeId;
        await _ledger.Send(new AssessCompliance(secretPledge, (await _ledger.Ask(new Application.Pledges.Viewing.GetPledge(secretPledge))).Version, -1, "not done", null, new DateOnly(2021, 3, 1)), user: "reviewer.two");
        var (_, briefAfter) = await Rendered.All(_ledger, brief, Classification.Confidential);
        var (_, cardAfter) = await Rendered.All(_ledger, new BuildScorecard(), Classification.Confidential);
        var (_, overdueAfter) = await Rendered.All(_ledger, new BuildOverdue(On), Classification.Confidential);
        var (_, activityAfter) = await Rendered.All(_ledger, new BuildActivity(), Classification.Confidential);
        var (_, activitySecretReader) = await Rendered.All(_ledger, new BuildActivity(), Classification.Secret);
        var (secretBrief, briefSecretReader) = await Rendered.All(_ledger, brief, Classification.Secret);

        Assert.Equal(Classification.Confidential, before.Banner);
        foreach (var format in Rendered.TextFormats)
        {
            Assert.Equal(briefBefore[format], briefAfter[format]);
            Assert.Equal(cardBefore[format], cardAfter[format]);
            Assert.Equal(overdueBefore[format], overdueAfter[format]);
            Assert.Equal(activityBefore[format], activityAfter[format]);
            Assert.DoesNotContain("2021-05", activityAfter[format], StringComparison.Ordinal);
            Assert.Contains("2021-05", activitySecretReader[format], StringComparison.Ordinal);
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

    [Fact]
    public async Task a_confidential_job_writes_nothing_new_when_only_a_secret_item_is_added()
    {
        await ReportScenario.Record(_ledger);
        await using var host = Scheduling.SchedulerHost.On(_ledger);
        await host.AddUser("reporter.c", Classification.Confidential);
        var folder = Directory.CreateTempSubdirectory("commsledger-clearance-");
        var schedule = new ScheduleFile(folder.FullName, 0, 1, [new JobFile("activity", "activity", "html", "0 6 * * *", AsUser: "reporter.c")]).Check(folder.FullName);
        var scheduler = host.Scheduler(schedule);
        var monday = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
        await scheduler.RunOccurrence(schedule.Jobs[0], monday, CancellationToken.None);
        var before = await File.ReadAllTextAsync(schedule.Jobs[0].Target);

        await _ledger.Send(new LogInteraction(Meeting("secret-2", Classification.Secret, $"{Marker}: a second meeting", new DateOnly(2021, 5, 12))));
        var after = await scheduler.RunOccurrence(schedule.Jobs[0], monday.AddDays(1), CancellationToken.None);

        Assert.Equal(RunVerdict.Unchanged, after.Verdict);
        Assert.Equal(Classification.Confidential, after.Run!.Clearance);
        Assert.Equal(before, await File.ReadAllTextAsync(schedule.Jobs[0].Target));
        Assert.DoesNotContain("SECRET", before, StringComparison.Ordinal);
        Assert.Contains("<svg", before, StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    private static InteractionDraft Meeting(string sourceId, Classification marking, string summary, DateOnly? on = null) => SeedCall.Draft() with
    {
        Kind = InteractionKind.Meeting,
        Occurred = new OccurredAt(on ?? new DateOnly(2021, 3, 10)),
        Summary = summary,
        Source = new SourceReference(sourceId, null, null),
        Classification = marking,
        Statements = [new StatementDraft("Wang Yi", "CN", summary + " (statement)", ["mining"])],
        Commitments = [new CommitmentDraft("CN", "PE", CommitmentKind.Pledge, summary + " (pledge)", "mining", new DateOnly(2021, 3, 20),
            [new FollowUpDraft(summary + " (follow-up)", "Mining desk", new DateOnly(2021, 3, 25))], ["033"])],
        FollowUps = [],
    };
}
