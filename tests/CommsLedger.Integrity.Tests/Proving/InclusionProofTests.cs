using System.Text;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Proving;
using CommsLedger.Integrity.Tests.Fixtures;

namespace CommsLedger.Integrity.Tests.Proving;

[Collection(PostgresCollection.Name)]
public sealed class InclusionProofTests(PostgresCluster cluster)
{
    [Fact]
    public async Task a_proof_written_by_prove_verifies_offline_with_only_the_public_key()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(InclusionProofTests));
        var (eventId, json) = await ProveSeventhEventAsync(ledger);
        var publicKeyPem = ledger.Key.ExportPublicKeyPem();

        var check = OfflineProofCheck.Verify(json, publicKeyPem);

        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(eventId, check.Proof!.Event.EventId);
        Assert.Equal(6, check.Proof.LeafIndex);
        Assert.Equal(12, check.Proof.TreeSize);
        Assert.Equal("UNCLASSIFIED", check.Proof.Event.Classification); // appended without a classification header
    }

    [Fact]
    public async Task changing_any_single_byte_of_the_proof_makes_it_fail()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(InclusionProofTests));
        var (_, json) = await ProveSeventhEventAsync(ledger);
        var publicKeyPem = ledger.Key.ExportPublicKeyPem();
        var bytes = Encoding.UTF8.GetBytes(json);

        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x01;
            var check = OfflineProofCheck.Verify(Encoding.UTF8.GetString(changed), publicKeyPem);
            Assert.False(check.IsValid, $"byte {i} ('{(char)bytes[i]}') changed, yet the proof verified");
        }
    }

    [Fact]
    public async Task changing_the_event_in_the_proof_makes_it_fail_even_when_the_file_is_rewritten_cleanly()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(InclusionProofTests));
        var (_, json) = await ProveSeventhEventAsync(ledger);
        var proof = InclusionProof.FromJson(json);
        var publicKeyPem = ledger.Key.ExportPublicKeyPem();

        var otherPayload = OfflineProofCheck.Verify((proof with { Payload = proof.Payload!.Replace("Call", "Cell", StringComparison.Ordinal) }).ToJson(), publicKeyPem);
        var otherUser = OfflineProofCheck.Verify((proof with { Event = proof.Event with { UserName = "someone.else" } }).ToJson(), publicKeyPem);
        var otherTime = OfflineProofCheck.Verify((proof with { Event = proof.Event with { RecordedAt = proof.Event.RecordedAt.AddTicks(10) } }).ToJson(), publicKeyPem);

        Assert.False(otherPayload.IsValid);
        Assert.Contains("payload", otherPayload.Reason, StringComparison.Ordinal);
        Assert.False(otherUser.IsValid);
        Assert.False(otherTime.IsValid);
    }

    [Fact]
    public async Task a_proof_does_not_verify_with_another_ledgers_key()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(InclusionProofTests));
        var (_, json) = await ProveSeventhEventAsync(ledger);
        using var other = LedgerKey.Generate();

        var check = OfflineProofCheck.Verify(json, other.ExportPublicKeyPem());

        Assert.False(check.IsValid);
        Assert.Contains("signature", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_proof_whose_payload_was_dropped_under_retention_still_verifies_by_its_hash()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(InclusionProofTests));
        var (_, json) = await ProveSeventhEventAsync(ledger);

        var redacted = InclusionProof.FromJson(json) with { Payload = null };

        Assert.True(OfflineProofCheck.Verify(redacted.ToJson(), ledger.Key.ExportPublicKeyPem()).IsValid);
    }

    [Fact]
    public async Task prove_refuses_an_event_changed_in_the_database()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(InclusionProofTests));
        var (eventId, _) = await ProveSeventhEventAsync(ledger);

        await ledger.TamperAsync($"UPDATE {ledger.Schema.Events} SET user_name = 'someone.else' WHERE id = '{eventId}'");

        var refused = await Assert.ThrowsAsync<ProofUnavailableException>(() => new InclusionProver(ledger.App, ledger.Schema).ProveAsync(eventId));
        Assert.Contains("user", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task prove_refuses_an_event_no_checkpoint_covers_yet()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(InclusionProofTests));
        await ProveSeventhEventAsync(ledger);
        var stream = Guid.NewGuid();
        await ledger.AppendAsync(stream, "officer", null, new InteractionLogged(Guid.NewGuid(), "late", ["PE"]));
        await ledger.Integrator(new IntegratorOptions { CheckpointEvery = TimeSpan.FromHours(1) }).CatchUpAsync();
        var late = await ledger.ScalarAsync<Guid>($"SELECT id FROM {ledger.Schema.Events} WHERE stream_id = '{stream}'");

        var refused = await Assert.ThrowsAsync<ProofUnavailableException>(() => new InclusionProver(ledger.App, ledger.Schema).ProveAsync(late));
        Assert.Contains("no signed checkpoint covers", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<(Guid EventId, string Json)> ProveSeventhEventAsync(TestLedger ledger)
    {
        await ledger.SeedAsync(12);
        await ledger.Integrator().CheckpointNowAsync();
        var eventId = await ledger.ScalarAsync<Guid>($"SELECT id FROM {ledger.Schema.Events} WHERE seq_id = 7");
        var proof = await new InclusionProver(ledger.App, ledger.Schema).ProveAsync(eventId);
        return (eventId, proof.ToJson());
    }
}
