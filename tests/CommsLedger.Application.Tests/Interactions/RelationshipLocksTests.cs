using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Parties;

namespace CommsLedger.Application.Tests.Interactions;

/// <summary>An interaction of n parties belongs to n(n−1)/2 relationships; the locks its write takes must grow with n,
/// not with the pairs (all 261 parties once took 33,930 locks and ran PostgreSQL out of shared memory).</summary>
[Collection(PostgresCollection.Name)]
public sealed class RelationshipLocksTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task the_most_parties_an_interaction_may_have_take_one_lock_each()
    {
        var parties = PartyCode.Known.Take(InteractionDraft.MaxParties).ToArray();
        var relationships = (from a in parties from b in parties where string.CompareOrdinal(a, b) < 0 select $"{a}-{b}").ToArray();

        await using var session = _ledger.Store.LightweightSession();
        await Storage.StreamWriter.LockRelationships(session, relationships, CancellationToken.None);
        var held = await session.AdvancedSql.QueryAsync<long>(
            "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()", CancellationToken.None);

        Assert.Equal(InteractionDraft.MaxParties * (InteractionDraft.MaxParties - 1) / 2, relationships.Length);
        Assert.Equal(InteractionDraft.MaxParties, held.Single());
    }
}
