using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Demo;
using CommsLedger.Application.FollowUps.Completing;
using CommsLedger.Application.FollowUps.Scheduling;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pledges.Assessing;
using CommsLedger.Application.Pledges.ChangingStatus;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Pledges;

namespace CommsLedger.Application.Tests.Reports;

/// <summary>The seed call, then a few follow-ups, outcomes, assessments and a correction, so that every number a
/// brief or a scorecard shows can be worked out by hand:
/// CN pledges [0] multilateralism (assessed −1, then 0: latest 0), [1] Sinopharm trials (+1, fulfilled), [2] vaccine as a
/// public good (text corrected), [3] import expo (its follow-up completed); PE pledges [4] Sinopharm (−1), [5] investment
/// (a new follow-up due 2021-05-15), [6] multilateralism.</summary>
public sealed record ReportScenario(IReadOnlyList<Guid> Pledges, Guid InteractionId)
{
    public const string CorrectedText = "China's vaccine will be a global public good once available";

    public static async Task<ReportScenario> Record(TestLedger ledger)
    {
        var record = await ledger.Send(new LogInteraction(SeedCall.Draft()));
        var pledges = record.Commitments.Select(c => c.PledgeId).ToArray();
        await Assess(ledger, pledges[0], -1, new DateOnly(2021, 1, 10));
        await Assess(ledger, pledges[0], 0, new DateOnly(2021, 3, 1));
        await Assess(ledger, pledges[1], +1, new DateOnly(2021, 2, 1));
        await Assess(ledger, pledges[4], -1, new DateOnly(2021, 2, 1));
        await ledger.Send(new ChangePledgeStatus(pledges[1], await Version(ledger, pledges[1]), PledgeStatus.Fulfilled, new DateOnly(2021, 2, 9), "trials ran in Lima"), user: "recorder.one");
        var expo = await ledger.Ask(new GetPledge(pledges[3]));
        await ledger.Send(new CompleteFollowUp(expo.FollowUps.Single().FollowUpId, expo.Version, "Three firms registered", new DateOnly(2020, 11, 9)));
        await ledger.Send(new ScheduleFollowUp(EntryKind.Pledge, pledges[5], await Version(ledger, pledges[5]),
            new FollowUpDraft("Ask about the draft investment law", "Trade section", new DateOnly(2021, 5, 15))));
        await ledger.Send(new CorrectEntry(EntryKind.Pledge, pledges[2], null, await Version(ledger, pledges[2]), "text", CorrectedText, "shortened"), user: "reviewer.two");
        return new ReportScenario(pledges, record.Id);
    }

    public static async Task Assess(TestLedger ledger, Guid pledge, int score, DateOnly on) =>
        await ledger.Send(new AssessCompliance(pledge, await Version(ledger, pledge), score, $"scored {score}", null, on), user: "reviewer.two");

    public static async Task<long> Version(TestLedger ledger, Guid pledge) => (await ledger.Ask(new GetPledge(pledge))).Version;
}
