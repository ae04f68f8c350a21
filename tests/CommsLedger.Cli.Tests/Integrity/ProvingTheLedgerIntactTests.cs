using System.Text.Json;

namespace CommsLedger.Cli.Tests.Integrity;

/// <summary>The README's "How to prove the ledger is intact", step by step, through the real binary.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ProvingTheLedgerIntactTests(PostgresCluster postgres)
{
    private const string _unreachable = "Host=127.0.0.1;Port=1;Timeout=3";

    [Fact]
    public async Task an_integrated_ledger_verifies_intact_against_the_public_key_and_the_checkpoint_kept_outside_it()
    {
        using var ledger = await IntegratedLedger.CreateAsync(postgres);
        var events = await ledger.EventCount();

        var verified = await ledger.Run("verify", "--key", IntegratedLedger.PublicKey);
        var against = await ledger.Run("verify", "--against", IntegratedLedger.KeptCheckpoint, "--key", IntegratedLedger.PublicKey);

        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains($"Intact: {events} events, tree size {events}, root ", verified.StdOut, StringComparison.Ordinal);
        Assert.Contains("1 checkpoints verified, 0 pending", verified.StdOut, StringComparison.Ordinal);
        Assert.Contains("ledger-public.pem (--key)", verified.StdOut, StringComparison.Ordinal);
        Assert.True(against.ExitCode == 0, against.ToString());
        Assert.Contains($"extends your checkpoint of tree size {events}", against.StdOut, StringComparison.Ordinal);
        Assert.StartsWith($"commsledger-checkpoint/v1\ntree-size: {events}\n", await File.ReadAllTextAsync(ledger.PathOf(IntegratedLedger.KeptCheckpoint)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task without_a_public_key_verify_trusts_the_local_key_and_says_so()
    {
        using var ledger = await IntegratedLedger.CreateAsync(postgres);

        var verified = await ledger.Run("verify", "--format", "json");

        Assert.True(verified.ExitCode == 0, verified.ToString());
        using var report = JsonDocument.Parse(verified.StdOut);
        Assert.True(report.RootElement.GetProperty("intact").GetBoolean());
        Assert.Contains($"the public half of the local ledger key {ledger.KeyPath}", report.RootElement.GetProperty("trustedKeySource").GetString(), StringComparison.Ordinal);
        Assert.Equal(await ledger.EventCount(), report.RootElement.GetProperty("treeSize").GetInt64());
    }

    [Fact]
    public async Task a_proof_of_one_event_checks_offline_with_no_database_and_fails_if_one_byte_changes()
    {
        using var ledger = await IntegratedLedger.CreateAsync(postgres);
        var eventId = await ledger.EventId(offset: 3);
        await ledger.Succeeds("prove", eventId.ToString(), "--out", "proof.json");
        var proof = await File.ReadAllTextAsync(ledger.PathOf("proof.json"));
        await File.WriteAllTextAsync(ledger.PathOf("forged.json"), FlipOneLetterOfThePayload(proof));

        var toStdout = await ledger.Run("prove", eventId.ToString());
        var offline = await ledger.RunOffline("verify-proof", "proof.json", "--key", IntegratedLedger.PublicKey);
        var unreachable = await ledger.RunWithConnection(_unreachable, "verify-proof", "proof.json", "--key", IntegratedLedger.PublicKey);
        var forged = await ledger.RunOffline("verify-proof", "forged.json", "--key", IntegratedLedger.PublicKey);

        Assert.Equal(proof, toStdout.StdOut);
        Assert.True(offline.ExitCode == 0, offline.ToString());
        Assert.Contains($"Valid: Event {eventId} (sequence 4,", offline.StdOut, StringComparison.Ordinal);
        Assert.True(unreachable.ExitCode == 0, unreachable.ToString());
        Assert.Equal(2, forged.ExitCode);
        Assert.Contains("INVALID: The payload does not hash to the payload hash the log recorded", forged.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_payload_edited_by_a_superuser_despite_the_guard_is_named_by_sequence_and_field()
    {
        using var ledger = await IntegratedLedger.CreateAsync(postgres);
        var guarded = await ledger.Succeeds("guard", "install", "--owner-password", "owner-pw", "--app-password", "app-pw");
        var refusedToTheApp = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            IntegratedLedger.Execute(ledger.As("commsledger_app", "app-pw"), "update commsledger.mt_events set data = data where seq_id = 1"));

        await ledger.AsSuperuser("""
            alter table commsledger.mt_events disable trigger all;
            update commsledger.mt_events set data = jsonb_set(data, '{summary}', '"forged"') where seq_id = 1;
            alter table commsledger.mt_events enable trigger all;
            """);
        var verified = await ledger.Run("verify", "--key", IntegratedLedger.PublicKey);

        Assert.Contains("Username=commsledger_app;", guarded.StdOut, StringComparison.Ordinal);
        Assert.Equal("42501", refusedToTheApp.SqlState);
        Assert.Equal(2, verified.ExitCode);
        Assert.Contains("NOT INTACT: Event at sequence 1 (leaf 0,", verified.StdOut, StringComparison.Ordinal);
        Assert.Contains("differs from the log in: payload.", verified.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_rewrite_resigned_with_the_stolen_key_passes_verify_but_not_against_the_kept_checkpoint()
    {
        using var ledger = await IntegratedLedger.CreateAsync(postgres);
        await ledger.AsSuperuser("""
            alter table commsledger.mt_events disable trigger all;
            alter table commsledger.ledger_leaves disable trigger all;
            alter table commsledger.ledger_checkpoints disable trigger all;
            update commsledger.mt_events set data = jsonb_set(data, '{summary}', '"forged"') where seq_id = 1;
            delete from commsledger.ledger_leaves;
            delete from commsledger.ledger_checkpoints;
            alter table commsledger.mt_events enable trigger all;
            alter table commsledger.ledger_leaves enable trigger all;
            alter table commsledger.ledger_checkpoints enable trigger all;
            """);
        await ledger.Succeeds("integrate");

        var verified = await ledger.Run("verify", "--key", IntegratedLedger.PublicKey);
        var against = await ledger.Run("verify", "--against", IntegratedLedger.KeptCheckpoint, "--key", IntegratedLedger.PublicKey);

        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Equal(2, against.ExitCode);
        Assert.Contains("does NOT extend your checkpoint", against.StdOut, StringComparison.Ordinal);
        Assert.Contains("history before your checkpoint was rewritten", against.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task after_an_event_is_deleted_verify_against_no_longer_says_the_ledger_extends_the_kept_checkpoint()
    {
        using var ledger = await IntegratedLedger.CreateAsync(postgres);
        await ledger.AsSuperuser("""
            alter table commsledger.mt_events disable trigger all;
            delete from commsledger.mt_events where seq_id = 3;
            alter table commsledger.mt_events enable trigger all;
            """);

        var against = await ledger.Run("verify", "--against", IntegratedLedger.KeptCheckpoint, "--key", IntegratedLedger.PublicKey);

        Assert.Equal(2, against.ExitCode);
        Assert.Contains("NOT INTACT: The log has leaf 2 for sequence 3", against.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("extends your checkpoint", against.StdOut, StringComparison.Ordinal);
        Assert.Contains("The ledger is NOT PROVEN to extend your checkpoint", against.StdOut, StringComparison.Ordinal);
    }

    private static string FlipOneLetterOfThePayload(string proof)
    {
        var at = proof.IndexOf("\"payload\": \"", StringComparison.Ordinal) + 40;
        var flipped = (char)(proof[at] ^ 0x01);
        return string.Concat(proof.AsSpan(0, at), flipped.ToString(), proof.AsSpan(at + 1));
    }
}
