using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using JasperFx.Events;
using Marten;

namespace CommsLedger.Benchmarks;

/// <summary>
/// A generated archive of historic interactions, as an import file would hold them: each with a stable source id,
/// spread round-robin over <c>relationships</c> pairs of real party codes, <see cref="EventsPerInteraction"/> events each
/// (logged, two statements, two commitments starting two pledge streams, a follow-up on the first pledge). The same
/// archive can be written as a JSON-lines file for <c>import</c>, or COPYed straight into a store as <c>import --bulk</c>
/// writes it, so the import and rebuild scenarios work on the same rows.
/// </summary>
public sealed class Archive(int events, int relationships)
{
    public const int EventsPerInteraction = 8;

    private static readonly DateOnly _today = new(2030, 1, 1);

    public int Interactions { get; } = Math.Max(1, events / EventsPerInteraction);

    public IReadOnlyList<(string A, string B)> Pairs { get; } = PairsOf(relationships);

    public long Events => (long)Interactions * EventsPerInteraction;

    public override string ToString() => $"{Events:N0} events ({Interactions:N0} interactions) over {Pairs.Count:N0} relationships";

    public InteractionDraft Draft(int n)
    {
        var (a, b) = Pairs[n % Pairs.Count];
        var on = new DateOnly(2000, 1, 1).AddDays(n * 7 % 9000);
        return new InteractionDraft(
            n % 3 == 0 ? InteractionKind.Meeting : InteractionKind.PhoneCall,
            new OccurredAt(on),
            [new Participant($"Minister of {a}", "Foreign Minister", a), new Participant($"Minister of {b}", "Foreign Minister", b)],
            $"Historic call {n} between {a} and {b} on trade, health cooperation and a coming anniversary.",
            new SourceReference($"archive:call-{n:D8}", $"https://archive.example/calls/{n}", null),
            Classification.Unclassified,
            ["041"],
            [new StatementDraft($"Minister of {a}", a, $"{a} is ready to deepen trade and investment with {b} (call {n}).", ["trade"]),
             new StatementDraft($"Minister of {b}", b, $"{b} welcomes investment from {a} in renewable energy (call {n}).", ["investment"])],
            [new CommitmentDraft(a, b, CommitmentKind.Pledge, $"{a} will support a joint working group on vaccines with {b}", "health cooperation", on.AddMonths(6),
                [new FollowUpDraft($"Check the working group of call {n}", "Desk " + (n % 40), on.AddMonths(3))], ["033"]),
             new CommitmentDraft(b, a, CommitmentKind.Intent, $"{b} intends to open a trade office in {a}", "trade", null, [], ["030"])],
            []);
    }

    /// <summary>The decision <c>import</c> makes for line <paramref name="n"/>: the same ids (derived from the source id).</summary>
    public Decision Decide(int n)
    {
        var draft = Draft(n);
        var id = SourceRecords.IdFor(draft.Source!.SourceId, draft.Classification);
        return InteractionDecisions.Log(draft, id, DeterministicIds.SequencesByMarking(id), _today);
    }

    /// <summary>The archive as an import file (JSON lines) in the temp folder; the caller deletes it.</summary>
    public async Task<string> WriteFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"commsledger-archive-{Guid.NewGuid():N}.jsonl");
        await using var writer = new StreamWriter(path);
        for (var n = 0; n < Interactions; n++)
        {
            await writer.WriteLineAsync(InteractionJson.Write(Draft(n)));
        }

        return path;
    }

    /// <summary>COPYs the whole archive into <paramref name="store"/> with Marten's bulk event insert, as
    /// <c>import --bulk</c> appends: no read model is written.</summary>
    public async Task CopyInto(IDocumentStore store, int interactionsPerBatch = 2_000)
    {
        for (var start = 0; start < Interactions; start += interactionsPerBatch)
        {
            await using var session = store.LightweightSession();
            var streams = new List<StreamAction>();
            for (var n = start; n < Math.Min(Interactions, start + interactionsPerBatch); n++)
            {
                streams.AddRange(Application.Storage.StreamWriter.StartStreams(session, Decide(n)));
            }

            foreach (var e in streams.SelectMany(s => s.Events))
            {
                e.UserName = "benchmark";
            }

            session.EjectAllPendingChanges();
            await store.BulkInsertEventsAsync(streams, 10_000, CancellationToken.None);
        }
    }

    /// <summary>The first <paramref name="count"/> pairs of known party codes (relationship keys must name known parties).</summary>
    private static IReadOnlyList<(string, string)> PairsOf(int count)
    {
        var codes = Enumerable.Range(0, 26 * 26).Select(i => $"{(char)('A' + (i / 26))}{(char)('A' + (i % 26))}").Where(PartyCode.IsKnown).ToArray();
        var pairs = codes.SelectMany((a, i) => codes.Skip(i + 1).Select(b => (a, b))).Take(count).ToArray();
        return pairs.Length == count ? pairs : throw new ArgumentException($"only {pairs.Length:N0} relationships of known parties exist, not {count:N0}");
    }
}
