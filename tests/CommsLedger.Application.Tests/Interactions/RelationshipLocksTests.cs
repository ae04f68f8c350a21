using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Shared;
using Marten;
using Marten.Services;

namespace CommsLedger.Application.Tests.Interactions;

/// <summary>An interaction of n parties belongs to n(n−1)/2 relationships; the locks its write takes must grow with n,
/// not with the pairs (all 261 parties once took 33,930 locks and ran PostgreSQL out of shared memory).</summary>
[Collection(PostgresCollection.Name)]
public sealed class RelationshipLocksTests(PostgresCluster postgres) : IAsyncLifetime
{
    private readonly LockCounter _locks = new();
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres, services => services.ConfigureMarten(options => options.Listeners.Add(_locks)));

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task logging_an_interaction_of_the_most_parties_allowed_takes_a_lock_per_party_not_per_pair()
    {
        var parties = PartyCode.Known.Take(InteractionDraft.MaxParties).ToArray();
        var everyone = new InteractionDraft(InteractionKind.Meeting, new OccurredAt(new DateOnly(2021, 3, 1)),
            [.. parties.Select(p => new Participant($"Minister {p}", "Foreign Minister", p))], "A summit of everyone allowed", null,
            Classification.Unclassified, [], [], [], []);

        var logged = await _ledger.Send(new LogInteraction(everyone));

        Assert.Equal(parties.Length * (parties.Length - 1) / 2, logged.Relationships.Count);
        Assert.InRange(_locks.MostHeld, parties.Length, parties.Length + 2);
    }

    /// <summary>Counts the advisory locks a session holds just before it saves: every lock of the write is taken by then.</summary>
    private sealed class LockCounter : DocumentSessionListenerBase
    {
        public long MostHeld { get; private set; }

        public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            await using var command = session.Connection!.CreateCommand();
            command.CommandText = "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()";
            MostHeld = Math.Max(MostHeld, (long)(await command.ExecuteScalarAsync(token))!);
        }
    }
}
