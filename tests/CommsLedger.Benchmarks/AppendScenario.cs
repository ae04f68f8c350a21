using CommsLedger.Application.Interactions.AddingStatements;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Projections.Interactions;
using Marten;

namespace CommsLedger.Benchmarks;

/// <summary>
/// The cost of the command pipeline over a raw Marten append of the same events, side by side in one run.
/// "1 event/cmd": <c>AddStatement</c> on existing interactions (expected version tracked) against
/// <c>Events.Append(id, expectedVersion, statementRecorded)</c>. "10 events/cmd": <c>LogInteraction</c> against
/// <c>StartStream</c> of the events <see cref="InteractionDecisions.Log"/> decides. Raw runs twice: on the store
/// <c>AddLedger</c> built (the same four inline projections run) and on the same configuration with projections off.
/// Two more raw variants repeat the handler's Marten work without the mediator (FetchForWriting before the append;
/// loading the projected record after it), so the table splits the overhead between Marten round trips and the rest.
/// </summary>
public static class AppendScenario
{
    private const int Statements = 4;
    private const int Commitments = 2;
    private const int FollowUps = 1;

    private enum Role
    {
        RawOff,
        RawInline,
        Compared,
    }

    private sealed record Variant(string Load, string Name, Role Role, Func<Trial, Task<Sample>> Run);

    private sealed record OpenStream(Guid Id, InteractionLogged Logged, int Statements);

    public static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings)
    {
        var inlineDb = await cluster.CreateDatabaseAsync("bench_append");
        var bareDb = await cluster.CreateDatabaseAsync("bench_append_noprojections");
        await using var ledger = LedgerHost.Create(inlineDb);
        await using var bare = LedgerHost.StoreWithoutProjections(bareDb);
        var (one, ten) = ("1 event/cmd", $"{1 + Statements + Commitments * 2 + FollowUps} events/cmd");
        Variant[] variants =
        [
            new(one, "raw Append, projections off", Role.RawOff, t => RawStatements(bare, t, settings, fetchFirst: false)),
            new(one, "raw Append, inline projections", Role.RawInline, t => RawStatements(ledger.Store, t, settings, fetchFirst: false)),
            new(one, "raw FetchForWriting + Append, inline", Role.Compared, t => RawStatements(ledger.Store, t, settings, fetchFirst: true)),
            new(one, "pipeline AddStatement", Role.Compared, t => PipelineStatements(ledger, t, settings)),
            new(ten, "raw StartStream, projections off", Role.RawOff, t => RawLogs(bare, t, settings, loadRecord: false)),
            new(ten, "raw StartStream, inline projections", Role.RawInline, t => RawLogs(ledger.Store, t, settings, loadRecord: false)),
            new(ten, "raw StartStream + load record, inline", Role.Compared, t => RawLogs(ledger.Store, t, settings, loadRecord: true)),
            new(ten, "pipeline LogInteraction", Role.Compared, t => PipelineLogs(ledger, t, settings)),
        ];

        Console.WriteLine($"append: {variants.Length} variants × ({settings.WarmUps} warm-up + {settings.Reps}) rounds × {settings.Commands} commands…");
        var samples = await Harness.Interleaved([.. variants.Select(v => v.Run)], settings.WarmUps, settings.Reps);
        return Table(variants, samples);
    }

    /// <summary>With <paramref name="fetchFirst"/>, the handler's Marten work without the mediator: FetchForWriting at the
    /// expected version (live aggregation of the stream), then append to it.</summary>
    private static async Task<Sample> RawStatements(IDocumentStore store, Trial trial, BenchSettings settings, bool fetchFirst)
    {
        var streams = await OpenStreams(store, trial, settings);
        var plan = streams.SelectMany(stream => Enumerable.Range(0, stream.Statements).Select(i =>
            (stream.Id, Version: 2L + i, Event: InteractionDecisions.AddStatement(Interaction.Create(stream.Logged), StatementOf(stream, i), Guid.NewGuid())))).ToArray();
        return await Measure(store, plan.Length, async () =>
        {
            foreach (var (id, version, statement) in plan)
            {
                await using var session = store.LightweightSession();
                if (fetchFirst)
                {
                    var stream = await session.Events.FetchForWriting<Interaction>(id, version - 1);
                    stream.AppendOne(statement);
                }
                else
                {
                    session.Events.Append(id, version, statement);
                }

                await session.SaveChangesAsync();
            }
        });
    }

    private static async Task<Sample> PipelineStatements(LedgerHost ledger, Trial trial, BenchSettings settings)
    {
        var streams = await OpenStreams(ledger.Store, trial, settings);
        return await Measure(ledger.Store, streams.Sum(s => s.Statements), async () =>
        {
            foreach (var stream in streams)
            {
                var version = 1L;
                for (var i = 0; i < stream.Statements; i++)
                {
                    version = (await ledger.Send(new AddStatement(stream.Id, version, StatementOf(stream, i)))).Version;
                }
            }
        });
    }

    /// <summary>With <paramref name="loadRecord"/>, also the read-back <c>LogInteraction</c> returns: the projected record.</summary>
    private static async Task<Sample> RawLogs(IDocumentStore store, Trial trial, BenchSettings settings, bool loadRecord)
    {
        var changes = Enumerable.Range(0, settings.Commands)
            .Select(_ => InteractionDecisions.Log(Draft(trial), Guid.NewGuid(), Guid.NewGuid, Drafts.Today)).ToArray();
        return await Measure(store, changes.Length, async () =>
        {
            foreach (var change in changes)
            {
                await using var session = store.LightweightSession();
                session.Events.StartStream<Interaction>(change.InteractionId, change.Events);
                foreach (var pledge in change.NewPledges)
                {
                    session.Events.StartStream<Pledge>(pledge.PledgeId, pledge.Events);
                }

                await session.SaveChangesAsync();
                if (loadRecord)
                {
                    _ = await session.LoadAsync<InteractionRecord>(change.InteractionId);
                }
            }
        });
    }

    private static async Task<Sample> PipelineLogs(LedgerHost ledger, Trial trial, BenchSettings settings)
    {
        var drafts = Enumerable.Range(0, settings.Commands).Select(_ => Draft(trial)).ToArray();
        return await Measure(ledger.Store, drafts.Length, async () =>
        {
            foreach (var draft in drafts)
            {
                await ledger.Send(new LogInteraction(draft));
            }
        });
    }

    private static InteractionDraft Draft(Trial trial) => Drafts.Interaction(trial.Sequence, Statements, Commitments, FollowUps);

    /// <summary>Untimed: interactions holding only their <c>InteractionLogged</c> (version 1), each to receive at most
    /// <see cref="BenchSettings.StatementsPerStream"/> statements, so live aggregation in FetchForWriting reads short streams.</summary>
    private static async Task<OpenStream[]> OpenStreams(IDocumentStore store, Trial trial, BenchSettings settings)
    {
        var streams = Enumerable.Range(0, (settings.Commands + settings.StatementsPerStream - 1) / settings.StatementsPerStream)
            .Select(k =>
            {
                var change = InteractionDecisions.Log(Drafts.Interaction(trial.Sequence, 0, 0, 0), Guid.NewGuid(), Guid.NewGuid, Drafts.Today);
                var statements = Math.Min(settings.StatementsPerStream, settings.Commands - k * settings.StatementsPerStream);
                return new OpenStream(change.InteractionId, (InteractionLogged)change.Events[0], statements);
            }).ToArray();
        await using var session = store.LightweightSession();
        foreach (var stream in streams)
        {
            session.Events.StartStream<Interaction>(stream.Id, stream.Logged);
        }

        await session.SaveChangesAsync();
        return streams;
    }

    private static StatementDraft StatementOf(OpenStream stream, int i) => Drafts.Statement(stream.Logged.Parties[i % 2], i);

    private static async Task<Sample> Measure(IDocumentStore store, int commands, Func<Task> body)
    {
        var before = await LedgerHost.EventCount(store);
        var elapsed = await Harness.Time(body);
        return new Sample(elapsed, commands, await LedgerHost.EventCount(store) - before);
    }

    private static string Table(Variant[] variants, IReadOnlyList<Sample>[] samples)
    {
        var table = new MarkdownTable("load", "variant", "events/cmd", "cmds/s (median)", "events/s (median)", "ms/cmd", "× raw inline", "× raw off");
        int Baseline(string load, Role role) => Array.FindIndex(variants, b => b.Load == load && b.Role == role);
        for (var v = 0; v < variants.Length; v++)
        {
            var runs = samples[v];
            table.Row(
                variants[v].Load,
                variants[v].Name,
                MarkdownTable.Number(Harness.Median(runs.Select(r => (double)r.Events / r.Commands)), "0.##"),
                MarkdownTable.Number(Harness.Median(runs.Select(r => r.Commands / r.Elapsed.TotalSeconds))),
                MarkdownTable.Number(Harness.Median(runs.Select(r => r.Events / r.Elapsed.TotalSeconds))),
                MarkdownTable.Number(Harness.Median(runs.Select(r => r.Elapsed.TotalMilliseconds / r.Commands)), "0.00"),
                Ratio(runs, samples[Baseline(variants[v].Load, Role.RawInline)]),
                Ratio(runs, samples[Baseline(variants[v].Load, Role.RawOff)]));
        }

        return table.ToString();
    }

    /// <summary>Median over rounds of (time per command ÷ the baseline's time per command in the same round).</summary>
    private static string Ratio(IReadOnlyList<Sample> runs, IReadOnlyList<Sample> baseline) =>
        MarkdownTable.Number(Harness.Median(runs.Zip(baseline, (r, b) => r.Elapsed.TotalMilliseconds / r.Commands / (b.Elapsed.TotalMilliseconds / b.Commands))), "0.00") + "×";
}
