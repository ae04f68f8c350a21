using System.Diagnostics;
using CommsLedger.Application.Interactions.Importing;
using CommsLedger.Application.Reports.Activity;
using CommsLedger.Application.Reports.Brief;
using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Reporting;
using CommsLedger.Reporting.Documents;
using JasperFx.Events;
using Marten;

namespace CommsLedger.Benchmarks;

/// <summary>
/// Reports at scale: a brief on one relationship holding 10,000 events, and the scorecard and activity report over a
/// ledger of <c>--report-events</c> events (default 1,000,000) across <c>--report-relationships</c> relationships
/// (default 10,000). The ledgers are written the way <c>import --bulk</c> writes them: interactions decided by the
/// domain's own <c>InteractionDecisions.Log</c>, their streams COPYed with Marten's bulk insert, each event stamped
/// with its marking; each pledge then gets an assessment and an outcome. Reports replay events, not read models, so
/// the big ledger needs none; the brief finds its streams through two read models, rebuilt for its ledger. Each
/// report runs through the real handler as a TOP SECRET reader and is rendered to HTML (the activity chart included).
/// </summary>
public static class ReportsScenario
{
    internal const int EventsPerInteraction = 13;

    public static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings)
    {
        var table = new MarkdownTable("report", "ledger", "events read", "build, s (median)", "render html, s", "goal");
        await using (var brief = LedgerHost.Create(await cluster.CreateDatabaseAsync("bench_reports_brief")))
        {
            await Load(brief.Store, 10_000 / EventsPerInteraction, [("CN", "PE")]);
            using (var daemon = await brief.Store.BuildProjectionDaemonAsync())
            {
                await daemon.RebuildProjectionAsync<InteractionRecord>(TimeSpan.FromMinutes(10), CancellationToken.None);
                await daemon.RebuildProjectionAsync<PledgeRegister>(TimeSpan.FromMinutes(10), CancellationToken.None);
            }

            var events = await LedgerHost.EventCount(brief.Store);
            await Measure(table, "brief CN-PE", $"{events:N0} events, 1 relationship", "< 1 s", settings.Reps,
                () => brief.Ask(new BuildBrief("CN-PE", new DateOnly(2026, 1, 1))));
        }

        await using var big = LedgerHost.Create(await cluster.CreateDatabaseAsync("bench_reports_scale"));
        var pairs = Pairs(settings.ReportRelationships);
        var load = Stopwatch.StartNew();
        await Load(big.Store, settings.ReportEvents / EventsPerInteraction, pairs);
        var total = await LedgerHost.EventCount(big.Store);
        Console.WriteLine($"reports: {total:N0} events over {pairs.Count:N0} relationships written in {load.Elapsed.TotalSeconds:N0} s");
        var reps = Math.Max(1, settings.Reps / 2);
        var ledger = $"{total:N0} events, {pairs.Count:N0} relationships";
        await Measure(table, "scorecard", ledger, "< 30 s", reps, () => big.Ask(new BuildScorecard(Progress: new Counted())));
        await Measure(table, "activity per relationship", ledger, "–", reps, () => big.Ask(new BuildActivity(Progress: new Counted())));
        await Measure(table, "activity per party", ledger, "–", reps, () => big.Ask(new BuildActivity(ActivityGrouping.Party, Progress: new Counted())));
        return table.ToString();
    }

    private static async Task Measure<T>(MarkdownTable table, string name, string ledger, string goal, int reps, Func<Task<T>> build)
        where T : Application.Reports.IReport
    {
        var seconds = new List<double>();
        T report = default!;
        for (var i = 0; i < reps; i++)
        {
            Counted.Last = 0;
            var clock = Stopwatch.StartNew();
            report = await build();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        var render = Stopwatch.StartNew();
        var html = await CommsLedger.Reporting.Reports.Render(report, ReportFormat.Html, new Generation(DateTimeOffset.UnixEpoch, "benchmark", "now"));
        Console.WriteLine($"reports: {name}: {string.Join(", ", seconds.Select(s => s.ToString("N2")))} s; html {html.Length / 1024:N0} KiB");
        table.Row(name, ledger, Counted.Last == 0 ? "–" : MarkdownTable.Number(Counted.Last), MarkdownTable.Number(Harness.Median(seconds), "N2"),
            MarkdownTable.Number(render.Elapsed.TotalSeconds, "N2"), goal);
    }

    /// <summary>Interactions spread round-robin over the pairs, each with three statements and two pledges (one
    /// with a follow-up), every pledge then assessed and settled: 13 events per interaction.</summary>
    internal static async Task Load(IDocumentStore store, int interactions, IReadOnlyList<(string A, string B)> pairs)
    {
        var random = new Random(14);
        const int batch = 2_000;
        for (var start = 0; start < interactions; start += batch)
        {
            await using var session = store.LightweightSession();
            var streams = new List<StreamAction>();
            for (var i = start; i < Math.Min(interactions, start + batch); i++)
            {
                var change = Decide(pairs[i % pairs.Count], i, random);
                streams.AddRange(CommsLedger.Application.Storage.StreamWriter.StartStreams(session, change));
            }

            foreach (var e in streams.SelectMany(s => s.Events))
            {
                e.UserName = "benchmark";
            }

            session.EjectAllPendingChanges();
            await store.BulkInsertEventsAsync(streams, 10_000, CancellationToken.None);
        }
    }

    private static Decision Decide((string A, string B) pair, int n, Random random)
    {
        var on = new DateOnly(2000, 1, 1).AddDays(random.Next(9000));
        var draft = new InteractionDraft(
            InteractionKind.PhoneCall, new OccurredAt(on),
            [new Participant("Minister A", "Foreign Minister", pair.A), new Participant("Minister B", "Foreign Minister", pair.B)],
            $"Call number {n} on trade and health", new SourceReference($"bench-{n}", null, null), Classification.Unclassified, ["041"],
            [.. Enumerable.Range(0, 3).Select(s => new StatementDraft("Minister A", pair.A, $"Statement {s} of call {n}: both sides will deepen cooperation.", ["trade"]))],
            [
                new CommitmentDraft(pair.A, pair.B, CommitmentKind.Pledge, $"Pledge of call {n}", Topic(random), on.AddDays(180), [new FollowUpDraft("Check delivery", "Desk " + (n % 40), on.AddDays(90))], ["033"]),
                new CommitmentDraft(pair.B, pair.A, CommitmentKind.Intent, $"Intent of call {n}", Topic(random), null, [], ["030"]),
            ],
            []);
        var change = InteractionDecisions.Log(draft, Guid.NewGuid(), Guid.NewGuid, new DateOnly(2030, 1, 1));
        return change with { Others = [.. change.Others.Select(p => Settled(p, on, random))] };
    }

    private static OtherStream Settled(OtherStream pledge, DateOnly on, Random random)
    {
        var made = (PledgeMade)pledge.Events[0];
        var relationships = made.Relationships;
        return pledge with
        {
            Events =
            [
                .. pledge.Events,
                new ComplianceAssessed(made.PledgeId, Guid.NewGuid(), random.Next(3) - 1, "assessed", null, on.AddDays(200), relationships),
                random.Next(2) == 0 ? new PledgeFulfilled(made.PledgeId, on.AddDays(150), "done", relationships) : new PledgeBroken(made.PledgeId, on.AddDays(200), "not done", relationships),
            ],
        };
    }

    private static string Topic(Random random) => random.Next(5) switch { 0 => "trade", 1 => "health", 2 => "climate", 3 => "security", _ => "investment" };

    /// <summary>The first <paramref name="count"/> pairs of real ISO country codes (relationship keys must name known parties).</summary>
    internal static IReadOnlyList<(string A, string B)> Pairs(int count)
    {
        var codes = Enumerable.Range(0, 26 * 26).Select(i => $"{(char)('A' + (i / 26))}{(char)('A' + (i % 26))}").Where(PartyCode.IsKnown).ToArray();
        return [.. codes.SelectMany((a, i) => codes.Skip(i + 1).Select(b => (a, b))).Take(count)];
    }

    /// <summary>Remembers how many events the last report read.</summary>
    private sealed class Counted : IProgress<Application.Reports.Position.ReportProgress>
    {
        public static long Last { get; set; }

        public void Report(Application.Reports.Position.ReportProgress value) => Last = value.Read;
    }
}
