using CommsLedger.Application.Interactions.AddingStatements;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Projections.Interactions;
using Marten;

namespace CommsLedger.Benchmarks;

/// <summary>
/// The cost of the command pipeline over a raw Marten append of the same events, side by side in one run.
/// "1 event/cmd": <c>AddStatement</c> on existing interactions (expected version tracked) against
/// <c>Events.Append(id, expectedVersion, statementRecorded)</c>. "10 events/cmd": <c>LogInteraction</c> against
/// <c>StartStream</c> of the events <see cref="InteractionDecisions.Log"/> decides. Raw runs on a store configured by
/// <see cref="LedgerStore.Configure"/> (the same four inline projections run) and on that configuration with
/// projections off. Two more raw variants repeat the handler's Marten work without the mediator (FetchForWriting
/// before the append; loading the projected record after it), so the table splits the overhead between Marten round
/// trips and the rest. Every variant has a database of its own, so one's growing tables never slow another.
/// </summary>
public static class AppendScenario
{
    private const int _statements = 4;
    private const int _commitments = 2;
    private const int _followUps = 1;
    private const int _widePool = 6;

    private enum Role
    {
        RawOff,
        RawInline,
        Compared,
    }

    /// <summary>How a raw one-event variant reads the stream before appending: not at all; <c>FetchForWriting</c>
    /// after an advisory lock of its own (the pipeline before issue 11); <c>FetchForExclusiveWriting</c>, the stream's
    /// row locked in the same read (the pipeline now).</summary>
    private enum Fetch
    {
        None,
        LockThenFetch,
        Exclusive,
    }

    private sealed record Variant(string Load, string Name, Role Role, Func<Trial, Task<Prepared>> Prepare);

    private sealed record OpenStream(Guid Id, InteractionLogged Logged, int Statements);

    public static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings)
    {
        await using var resources = new Resources(cluster);
        var (wideRaw, wideLedger) = (await resources.Inline(), await resources.Ledger());
        var (one, ten) = ("1 event/cmd", $"{1 + _statements + _commitments * 2 + _followUps} events/cmd");
        Variant[] variants =
        [
            new(one, "raw Append, projections off", Role.RawOff, RawStatements(await resources.Bare(), settings, Fetch.None)),
            new(one, "raw Append, inline projections", Role.RawInline, RawStatements(await resources.Inline(), settings, Fetch.None)),
            new(one, "raw advisory lock + FetchForWriting + Append, write model folded live", Role.Compared, RawStatements(await resources.Inline(), settings, Fetch.LockThenFetch)),
            new(one, "raw FetchForExclusiveWriting + Append, write model folded live", Role.Compared, RawStatements(await resources.Inline(), settings, Fetch.Exclusive)),
            new(one, "raw advisory lock + FetchForWriting + Append, write model an inline snapshot", Role.Compared, RawStatements(await resources.InlineWriteModels(), settings, Fetch.LockThenFetch)),
            new(one, "raw FetchForExclusiveWriting + Append, write model an inline snapshot", Role.Compared, RawStatements(await resources.InlineWriteModels(), settings, Fetch.Exclusive)),
            new(one, "pipeline AddStatement", Role.Compared, PipelineStatements(await resources.Ledger(), settings, Classification.TopSecret)),
            new(one, "pipeline AddStatement, CONFIDENTIAL recorder", Role.Compared, PipelineStatements(await resources.Ledger(), settings, Classification.Confidential)),
            new(one, $"raw Append, inline projections, pool of {_widePool} connections", Role.Compared, WidePool(wideRaw, RawStatements(wideRaw, settings, Fetch.None))),
            new(one, $"pipeline AddStatement, CONFIDENTIAL recorder, pool of {_widePool} connections", Role.Compared, WidePool(wideLedger.Store, PipelineStatements(wideLedger, settings, Classification.Confidential))),
            new(ten, "raw StartStream, projections off", Role.RawOff, RawLogs(await resources.Bare(), settings, loadRecord: false)),
            new(ten, "raw StartStream, inline projections", Role.RawInline, RawLogs(await resources.Inline(), settings, loadRecord: false)),
            new(ten, "raw StartStream + load record, inline", Role.Compared, RawLogs(await resources.Inline(), settings, loadRecord: true)),
            new(ten, "pipeline LogInteraction", Role.Compared, PipelineLogs(await resources.Ledger(), settings)),
        ];

        Console.WriteLine($"append: {variants.Length} variants × ({settings.WarmUps} warm-up + {settings.Reps}) rounds × {settings.Commands} commands, interleaved command by command…");
        var samples = await Harness.Interleaved([.. variants.Select(v => v.Prepare)], settings.WarmUps, settings.Reps);
        return Table(variants, samples);
    }

    /// <summary>With a <paramref name="fetch"/>, the handler's Marten work without the mediator: lock and fold the stream
    /// (live aggregation, or the stored snapshot of the write model), then append to it.</summary>
    private static Func<Trial, Task<Prepared>> RawStatements(IDocumentStore store, BenchSettings settings, Fetch fetch) => async trial =>
    {
        var streams = await OpenStreams(store, trial, settings);
        var plan = streams.SelectMany(stream => Enumerable.Range(0, stream.Statements).Select(i =>
            (stream.Id, Version: 2L + i, Event: InteractionDecisions.AddStatement(Interaction.Start(stream.Logged), StatementOf(stream, i), Guid.NewGuid()).Events.Single())));
        return Steps(store, plan.Select(step => (Func<Task>)(async () =>
        {
            await using var session = store.LightweightSession();
            switch (fetch)
            {
                case Fetch.LockThenFetch:
                    await session.BeginTransactionAsync(CancellationToken.None);
                    await session.ExecuteAsync(new Npgsql.NpgsqlCommand($"select pg_advisory_xact_lock(hashtextextended('commsledger:stream:{step.Id:N}', 0))"), CancellationToken.None);
                    (await session.Events.FetchForWriting<Tracked<Interaction>>(step.Id, step.Version - 1)).AppendOne(step.Event);
                    break;
                case Fetch.Exclusive:
                    (await session.Events.FetchForExclusiveWriting<Tracked<Interaction>>(step.Id)).AppendOne(step.Event);
                    break;
                default:
                    session.Events.Append(step.Id, step.Version, step.Event);
                    break;
            }

            await session.SaveChangesAsync();
        })));
    };

    /// <summary>The same open streams for every <paramref name="clearance"/>: below TOP SECRET the writer's expected
    /// version is the count of the events they are cleared for, read from the classification headers the streams carry.</summary>
    private static Func<Trial, Task<Prepared>> PipelineStatements(LedgerHost ledger, BenchSettings settings, Classification clearance) => async trial =>
    {
        var streams = await OpenStreams(ledger.Store, trial, settings);
        var versions = streams.ToDictionary(s => s.Id, _ => 1L);
        var plan = streams.SelectMany(stream => Enumerable.Range(0, stream.Statements).Select(i => (stream.Id, Draft: StatementOf(stream, i))));
        return Steps(ledger.Store, plan.Select(step => (Func<Task>)(async () =>
            versions[step.Id] = (await ledger.Send(new AddStatement(step.Id, versions[step.Id], step.Draft), clearance)).Version)));
    };

    /// <summary>With <paramref name="loadRecord"/>, also the read-back <c>LogInteraction</c> returns: the projected record.</summary>
    private static Func<Trial, Task<Prepared>> RawLogs(IDocumentStore store, BenchSettings settings, bool loadRecord) => trial =>
    {
        var changes = Enumerable.Range(0, settings.Commands)
            .Select(_ => InteractionDecisions.Log(Draft(trial), Guid.NewGuid(), Guid.NewGuid, Drafts.Today));
        return Task.FromResult(Steps(store, changes.Select(change => (Func<Task>)(async () =>
        {
            await using var session = store.LightweightSession();
            session.Events.StartStream<Interaction>(change.EntryId!.Value, change.Events);
            foreach (var pledge in change.Others)
            {
                session.Events.StartStream<Pledge>(pledge.StreamId, pledge.Events);
            }

            await session.SaveChangesAsync();
            if (loadRecord)
            {
                _ = await session.LoadAsync<InteractionRecord>(change.EntryId!.Value);
            }
        }))));
    };

    private static Func<Trial, Task<Prepared>> PipelineLogs(LedgerHost ledger, BenchSettings settings) => trial =>
        Task.FromResult(Steps(ledger.Store, Enumerable.Range(0, settings.Commands)
            .Select(_ => Draft(trial))
            .Select(draft => (Func<Task>)(() => ledger.Send(new LogInteraction(draft))))));

    private static Prepared Steps(IDocumentStore store, IEnumerable<Func<Task>> steps) =>
        new([.. steps], () => LedgerHost.EventCount(store));

    private static InteractionDraft Draft(Trial trial) => Drafts.Interaction(trial.Sequence, _statements, _commitments, _followUps);

    /// <summary>
    /// A variant whose store's connection pool first holds <see cref="_widePool"/> connections, as after concurrent
    /// requests (the CONFIDENTIAL variant once logged its streams concurrently and so measured this unawares). Npgsql
    /// hands idle connections out first in, first out, so the one-by-one commands then take them in turn.
    /// </summary>
    private static Func<Trial, Task<Prepared>> WidePool(IDocumentStore store, Func<Trial, Task<Prepared>> prepare) =>
        async trial =>
        {
            var sessions = new List<IDocumentSession>();
            for (var i = 0; i < _widePool; i++)
            {
                sessions.Add(store.LightweightSession());
                await sessions[^1].BeginTransactionAsync(CancellationToken.None);
            }

            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }

            return await prepare(trial);
        };

    /// <summary>Untimed: interactions holding only their <c>InteractionLogged</c> (version 1), each to receive at most
    /// <see cref="BenchSettings.StatementsPerStream"/> statements, so live aggregation in FetchForWriting reads short
    /// streams. Stamped with their classification header as the pipeline stamps it, so a CONFIDENTIAL recorder sees
    /// them at version 1 too.</summary>
    private static async Task<OpenStream[]> OpenStreams(IDocumentStore store, Trial trial, BenchSettings settings)
    {
        var streams = Enumerable.Range(0, (settings.Commands + settings.StatementsPerStream - 1) / settings.StatementsPerStream)
            .Select(k =>
            {
                var change = InteractionDecisions.Log(Drafts.Interaction(trial.Sequence, 0, 0, 0), Guid.NewGuid(), Guid.NewGuid, Drafts.Today);
                var statements = Math.Min(settings.StatementsPerStream, settings.Commands - k * settings.StatementsPerStream);
                return new OpenStream(change.EntryId!.Value, (InteractionLogged)change.Events[0], statements);
            }).ToArray();
        await using var session = store.LightweightSession();
        foreach (var stream in streams)
        {
            ClassificationHeaders.Stamp(session.Events.StartStream<Interaction>(stream.Id, stream.Logged).Events, stream.Logged.Classification);
        }

        await session.SaveChangesAsync();
        return streams;
    }

    private static StatementDraft StatementOf(OpenStream stream, int i) => Drafts.Statement(stream.Logged.Parties[i % 2], i);

    private static string Table(Variant[] variants, IReadOnlyList<Sample>[] samples)
    {
        var table = new MarkdownTable("load", "variant", "events/cmd", "cmds/s (median)", "events/s (median)", "ms/cmd", "× raw inline (range)", "× raw off (range)");
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

    /// <summary>Median over rounds of (time per command ÷ the baseline's time per command in the same round), with the
    /// range over rounds.</summary>
    private static string Ratio(IReadOnlyList<Sample> runs, IReadOnlyList<Sample> baseline)
    {
        var ratios = runs.Zip(baseline, (r, b) => r.Elapsed.TotalMilliseconds / r.Commands / (b.Elapsed.TotalMilliseconds / b.Commands)).ToArray();
        return $"{MarkdownTable.Number(Harness.Median(ratios), "0.00")}× ({MarkdownTable.Number(ratios.Min(), "0.00")}–{MarkdownTable.Number(ratios.Max(), "0.00")})";
    }

    /// <summary>A database per variant, and the stores and hosts on them, disposed together.</summary>
    private sealed class Resources(EmbeddedCluster cluster) : IAsyncDisposable
    {
        private readonly List<IAsyncDisposable> _owned = [];

        public async Task<IDocumentStore> Bare() => Own(LedgerHost.StoreWithoutProjections(await Database()));

        public async Task<IDocumentStore> Inline() => Own(LedgerStore.Create(await Database()));

        public async Task<IDocumentStore> InlineWriteModels() => Own(LedgerHost.StoreWithInlineWriteModels(await Database()));

        public async Task<LedgerHost> Ledger() => Own(LedgerHost.Create(await Database()));

        public async ValueTask DisposeAsync()
        {
            foreach (var resource in _owned)
            {
                await resource.DisposeAsync();
            }
        }

        private Task<string> Database() => cluster.CreateDatabaseAsync($"bench_append_{_owned.Count}");

        private T Own<T>(T resource)
            where T : IAsyncDisposable
        {
            _owned.Add(resource);
            return resource;
        }
    }
}
