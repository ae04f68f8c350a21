using CommsLedger.Application.Storage;
using CommsLedger.Application.Topology;
using System.Diagnostics;
using System.Globalization;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Relationships.Listing;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using Marten;

namespace CommsLedger.Benchmarks;

/// <summary>
/// The bounded relationship read model at scale (issue 11): a ledger of <c>--report-events</c> events over
/// <c>--report-relationships</c> relationships plus one busy relationship (CN-PE) of <c>--timetravel-events</c> events,
/// bulk-loaded as <see cref="ReportsScenario"/> loads its ledger and projected by a rebuild of the relationship read
/// model. Timed through the real handlers as a TOP SECRET reader: the first page of relationships (p50/p99), one
/// relationship's ledger, as-known-at on the busy relationship (first query of a freshly started store, then warm), and
/// appending one interaction to the busy relationship against appending to a new one, interleaved (the ratio).
/// </summary>
public static class ReadModelScenario
{
    private const int ReadReps = 200;

    /// <summary>Fresh starts per first-query measure: one alone is mostly the machine's load at that moment.</summary>
    private const int Starts = 5;
    private const string Busy = "CN-PE";

    public static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings)
    {
        var connection = await cluster.CreateDatabaseAsync("bench_read_model");
        var pairs = ReportsScenario.Pairs(settings.ReportRelationships + 1 + (settings.Commands * (settings.Reps + settings.WarmUps))).Where(p => p != ("CN", "PE")).ToArray();
        var (midway, load) = await Load(connection, settings, pairs);
        var table = new MarkdownTable("measure", "ledger", "p50 ms", "p99 ms", "goal");
        var ledger = load;
        var secrets = Directory.CreateTempSubdirectory("commsledger-bench-roles-");
        try
        {
            await FirstQueries(table, ledger, connection, Path.Combine(secrets.FullName, "roles.json"), midway, $"{pairs[3].A}-{pairs[3].B}");
        }
        finally
        {
            secrets.Delete(recursive: true);
        }

        await using var host = LedgerHost.Create(connection);
        await Plans(host.Store);
        await Percentiles(table, "first page of relationships (50, by key)", ledger, "p99 < 20 ms", () => host.Ask(new ListRelationships(Drafts.Today, new PageRequest())));
        await Percentiles(table, "first page of relationships (50, by last contact)", ledger, "–",
            () => host.Ask(new ListRelationships(Drafts.Today, new PageRequest(), Sort: RelationshipSort.LastContact)));
        await Percentiles(table, "one relationship's ledger (quiet)", ledger, "p99 < 5 ms", () => host.Ask(new GetRelationship($"{pairs[7].A}-{pairs[7].B}", Drafts.Today)));
        await Percentiles(table, "one relationship's ledger (busy)", ledger, "p99 < 5 ms", () => host.Ask(new GetRelationship(Busy, Drafts.Today)));
        await Percentiles(table, "as known at midway (busy)", ledger, "< 200 ms", () => host.Ask(new GetRelationship(Busy, Drafts.Today, new AsOf(midway, null))));
        await Percentiles(table, "as known at now (busy)", ledger, "< 200 ms", () => host.Ask(new GetRelationship(Busy, Drafts.Today, new AsOf(DateTimeOffset.UtcNow, null))));
        return table + "\n" + await Cli(connection, ledger) + "\n" + await Appends(host, settings, pairs.Skip(settings.ReportRelationships).ToArray());
    }

    /// <summary>As-known-at on the busy relationship as the first query of a freshly started application (in this
    /// process, so without the runtime's own start), <see cref="Starts"/> times each, interleaved: started as the CLI and
    /// the API start — the database protected once as they protect it, then each start's fingerprint probe on the pool
    /// the store uses, counted — and, for comparison, on a role outside the guard, where Marten checks the schema on
    /// first use; then after a warm-up on another relationship.</summary>
    private static async Task FirstQueries(MarkdownTable table, string ledger, string connection, string roles, DateTimeOffset midway, string other)
    {
        string app;
        await using (var superuser = LedgerDatabase.OnServer(connection, roles))
        {
            app = await LedgerConnections.ProtectAsync(superuser, null, CancellationToken.None);
        }

        var asKnown = new GetRelationship(Busy, Drafts.Today, new AsOf(midway, null));
        var (guarded, unguarded, warmed) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < Starts; i++)
        {
            var clock = Stopwatch.StartNew();
            await using (var fresh = await LedgerHost.Start(LedgerDatabase.OnServer(app, roles)))
            {
                await fresh.Ask(asKnown);
                guarded.Add(clock.Elapsed.TotalMilliseconds);
            }

            await using (var fresh = LedgerHost.Create(connection))
            {
                unguarded.Add(await Time(() => fresh.Ask(asKnown)));
            }

            await using (var fresh = await LedgerHost.Start(LedgerDatabase.OnServer(app, roles)))
            {
                await fresh.Ask(new GetRelationship(other, Drafts.Today));
                warmed.Add(await Time(() => fresh.Ask(asKnown)));
            }
        }

        Row(table, $"as known at, first query after a start as the CLI/API start, fingerprint probe included ({Starts} starts)", ledger, guarded, "< 200 ms");
        Row(table, $"as known at, first query after a start outside the guard, Marten checks the schema ({Starts} starts)", ledger, unguarded, "–");
        Row(table, $"as known at, first on the busy one after a start, store warmed on another ({Starts} starts)", ledger, warmed, "< 200 ms");
    }

    /// <summary>Where a read's time goes, printed: the plans of the busy relationship's overdue count and of the count of
    /// visible relationships every page of the list reports, as a TOP SECRET reader issues them.</summary>
    private static async Task Plans(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var markings = "array[" + string.Join(", ", Enum.GetNames<Domain.Shared.Classification>().Select(m => $"'{m}'")) + "]::varchar[]";
        foreach (var sql in new[]
        {
            $"select count(*) from {store.Options.Schema.For<FollowUpRow>()} f where f.key = '{Busy}' and f.until_position is null and f.classification = any({markings}) and f.due < '{Drafts.Today:yyyy-MM-dd}'",
            $"select count(*) from {store.Options.Schema.For<RelationshipLedger>()} d where d.lowest = any({markings})",
        })
        {
            var plan = await session.AdvancedSql.QueryAsync<string>($"explain (analyze, buffers) {sql}", CancellationToken.None);
            Console.WriteLine($"{sql}\n  {string.Join("\n  ", plan)}");
        }
    }

    /// <summary><c>commsledger relationships</c> as a whole process (server running) under <c>/usr/bin/time</c>: wall
    /// time, CPU time (user + system: on a loaded machine a process waits for a core, and wall time shows the load as
    /// much as the work) and peak resident memory; the median of three runs after one warm-up. Both builds, runs
    /// interleaved: the Release build, and the CLI published ReadyToRun as the README installs it.</summary>
    private static async Task<string> Cli(string connection, string ledger)
    {
        var root = StartupScenario.RepositoryRoot();
        (string Build, string Dll)[] builds = [("Release build", await StartupScenario.BuildCli(root)), ("published ReadyToRun", await StartupScenario.PublishReadyToRun(root))];
        var runs = builds.ToDictionary(b => b.Build, _ => new List<double[]>());
        var secrets = Directory.CreateTempSubdirectory("commsledger-bench-secrets-").FullName;
        try
        {
            for (var i = 0; i < 4; i++)
            {
                foreach (var (build, dll) in builds)
                {
                    var error = await StartupScenario.Run(root, "/usr/bin/time", ["-f", "%e %U %S %M", "dotnet", dll, "relationships"], new StartupConnections.Connection(connection, secrets));
                    runs[build].Add([.. error.Trim().Split('\n')[^1].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture))]);
                }
            }
        }
        finally
        {
            Directory.Delete(secrets, recursive: true);
        }

        var table = new MarkdownTable("whole process", "ledger", "wall s (median of 3)", "CPU s", "max RSS MB", "goal");
        foreach (var (build, _) in builds)
        {
            var run = runs[build].Skip(1).OrderBy(r => r[0]).ElementAt(1);
            table.Row($"commsledger relationships, {build}", ledger, MarkdownTable.Number(run[0], "N2"), MarkdownTable.Number(run[1] + run[2], "N2"),
                MarkdownTable.Number(run[3] / 1024, "N0"), "< 1.5 s, < 300 MB");
        }

        return table.ToString();
    }

    /// <summary>The background relationships, then the busy one in two halves (the instant between them is "midway"),
    /// then a rebuild of every read model over all of it (as <c>import --bulk</c> does), and VACUUM ANALYZE (the state autovacuum settles to; index-only scans need its visibility map).</summary>
    private static async Task<(DateTimeOffset Midway, string Ledger)> Load(string connection, BenchSettings settings, IReadOnlyList<(string A, string B)> pairs)
    {
        await using var host = LedgerHost.Create(connection);
        await host.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var clock = Stopwatch.StartNew();
        await ReportsScenario.Load(host.Store, settings.ReportEvents / ReportsScenario.EventsPerInteraction, [.. pairs.Take(settings.ReportRelationships)]);
        var half = settings.TimeTravelEvents / ReportsScenario.EventsPerInteraction / 2;
        await ReportsScenario.Load(host.Store, half, [("CN", "PE")]);
        var midway = DateTimeOffset.UtcNow;
        await Task.Delay(10);
        await ReportsScenario.Load(host.Store, half, [("CN", "PE")]);
        var events = await LedgerHost.EventCount(host.Store);
        var loaded = clock.Elapsed;
        clock.Restart();
        await ReadModelRebuild.All(host.Store, null, CancellationToken.None);

        var rebuilt = clock.Elapsed;
        await using (var data = Npgsql.NpgsqlDataSource.Create(connection))
        await using (var analyze = data.CreateCommand("vacuum analyze"))
        {
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"read model: {events:N0} events loaded in {loaded.TotalSeconds:N0} s; every read model rebuilt in {rebuilt.TotalSeconds:N0} s "
            + $"({events / rebuilt.TotalSeconds:N0} events/s)");
        return (midway, $"{events:N0} events, {settings.ReportRelationships + 1:N0} relationships, {Busy} {half * 2 * ReportsScenario.EventsPerInteraction:N0}");
    }

    private static async Task Percentiles<T>(MarkdownTable table, string name, string ledger, string goal, Func<Task<T>> read)
    {
        await read();
        var times = new List<double>();
        for (var i = 0; i < ReadReps; i++)
        {
            times.Add(await Time(read));
        }

        Row(table, name, ledger, times, goal);
    }

    private static void Row(MarkdownTable table, string name, string ledger, List<double> times, string goal) =>
        table.Row(name, ledger, MarkdownTable.Number(Percentile(times, 0.50), "N2"), MarkdownTable.Number(Percentile(times, 0.99), "N2"), goal);

    /// <summary>One interaction (three statements, one commitment with a follow-up) logged into the busy relationship,
    /// and one into a relationship that has none yet, taking turns; the ratio of the medians is the cost of size.</summary>
    private static async Task<string> Appends(LedgerHost host, BenchSettings settings, IReadOnlyList<(string A, string B)> unused)
    {
        var next = 0;
        Func<Trial, Task<Prepared>> Variant(Func<(string A, string B)> pair) => trial => Task.FromResult(new Prepared(
            [.. Enumerable.Range(0, settings.Commands).Select(i => (Func<Task>)(() => host.Send(new LogInteraction(Draft(pair(), trial.Sequence * settings.Commands + i)))))],
            () => LedgerHost.EventCount(host.Store)));
        var samples = await Harness.Interleaved([Variant(() => ("CN", "PE")), Variant(() => unused[next++])], settings.WarmUps, settings.Reps);
        var busy = Harness.Median(samples[0].Select(s => s.Elapsed.TotalMilliseconds / s.Commands));
        var fresh = Harness.Median(samples[1].Select(s => s.Elapsed.TotalMilliseconds / s.Commands));
        return new MarkdownTable("append one interaction", "ms per command (median of rounds)", "ratio to a new relationship", "goal")
            .Row($"to {Busy} (busy)", MarkdownTable.Number(busy, "N2"), MarkdownTable.Number(busy / fresh, "N2") + "×", "≤ 1.2×")
            .Row("to a new relationship", MarkdownTable.Number(fresh, "N2"), "1.00×", "–")
            .ToString();
    }

    private static Domain.Interactions.InteractionDraft Draft((string A, string B) pair, int n)
    {
        var draft = Drafts.Interaction(n, 3, 1, 1);
        return draft with
        {
            Participants = [new("Minister A", "Foreign Minister", pair.A), new("Minister B", "Foreign Minister", pair.B)],
            Statements = [.. draft.Statements.Select(s => s with { Country = pair.A })],
            Commitments = [.. draft.Commitments.Select(c => c with { By = pair.A, To = pair.B })],
        };
    }

    private static async Task<double> Time<T>(Func<Task<T>> read)
    {
        var clock = Stopwatch.StartNew();
        await read();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
