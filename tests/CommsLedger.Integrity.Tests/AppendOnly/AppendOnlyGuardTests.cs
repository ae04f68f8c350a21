using CommsLedger.Integrity.AppendOnly;
using CommsLedger.Integrity.Tests.Fixtures;
using JasperFx;
using Marten;
using Npgsql;

namespace CommsLedger.Integrity.Tests.AppendOnly;

[Collection(PostgresCollection.Name)]
public sealed class AppendOnlyGuardTests(PostgresCluster cluster)
{
    private const string _permissionDenied = "42501";

    [Fact]
    public async Task marten_appends_work_as_the_application_role()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(AppendOnlyGuardTests));
        var stream = Guid.NewGuid();

        await ledger.AppendAsync(stream, "officer", "SECRET", new InteractionLogged(Guid.NewGuid(), "first", ["CN", "PE"]));
        await ledger.AppendAsync(stream, "officer", null, new CommitmentMade(Guid.NewGuid(), "CN", "PE", "support trials"));
        await using (var session = ledger.AppStore.LightweightSession())
        {
            var forWriting = await session.Events.FetchForWriting<InteractionThread>(stream);
            forWriting.AppendOne(new CommitmentMade(Guid.NewGuid(), "PE", "CN", "fair environment"));
            await session.SaveChangesAsync();
        }

        await using var query = ledger.AppStore.QuerySession();
        var events = await query.Events.FetchStreamAsync(stream);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
    }

    [Theory]
    [InlineData("mt_events", "UPDATE {0} SET data = '{{}}'")]
    [InlineData("mt_events", "DELETE FROM {0}")]
    [InlineData("mt_events", "TRUNCATE {0} CASCADE")]
    [InlineData("mt_streams", "DELETE FROM {0}")]
    [InlineData("mt_streams", "UPDATE {0} SET is_archived = true")]
    [InlineData("ledger_leaves", "UPDATE {0} SET leaf_hash = leaf_hash")]
    [InlineData("ledger_leaves", "DELETE FROM {0}")]
    [InlineData("ledger_checkpoints", "DELETE FROM {0}")]
    public async Task rewriting_as_the_application_role_is_refused_with_permission_denied(string table, string statement)
    {
        await using var ledger = await SeededLedgerAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(ledger.App, string.Format(statement, $"{ledger.Schema.Name}.{table}")));

        Assert.Equal(_permissionDenied, refused.SqlState);
        Assert.Contains($"permission denied for table {table}", refused.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mt_events", "UPDATE {0} SET data = '{{}}'", "UPDATE")]
    [InlineData("mt_events", "DELETE FROM {0}", "DELETE")]
    [InlineData("mt_events", "TRUNCATE {0}", "TRUNCATE")]
    [InlineData("mt_streams", "DELETE FROM {0}", "DELETE")]
    [InlineData("mt_streams", "UPDATE {0} SET is_archived = true", "UPDATE")]
    [InlineData("mt_streams", "TRUNCATE {0} CASCADE", "TRUNCATE")]
    [InlineData("ledger_leaves", "UPDATE {0} SET leaf_hash = leaf_hash", "UPDATE")]
    [InlineData("ledger_checkpoints", "TRUNCATE {0}", "TRUNCATE")]
    public async Task rewriting_as_the_owner_is_refused_by_the_append_only_trigger(string table, string statement, string operation)
    {
        await using var ledger = await SeededLedgerAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(ledger.Owner, string.Format(statement, $"{ledger.Schema.Name}.{table}")));

        Assert.Equal(AppendOnlyGuard.RewriteRefusedSqlState, refused.SqlState);
        Assert.Contains($"{operation} on {ledger.Schema.Name}.", refused.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task archiving_a_stream_is_refused()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(AppendOnlyGuardTests));
        var stream = Guid.NewGuid();
        await ledger.AppendAsync(stream, "officer", null, new InteractionLogged(Guid.NewGuid(), "to archive", ["CN"]));

        await using var session = ledger.AppStore.LightweightSession();
        session.Events.ArchiveStream(stream);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        var cause = Assert.IsType<PostgresException>(refused as PostgresException ?? refused.InnerException);
        Assert.Equal(_permissionDenied, cause.SqlState);
        Assert.Equal(0L, await ledger.ScalarAsync<long>($"SELECT count(*) FROM {ledger.Schema.Events} WHERE is_archived"));
    }

    [Fact]
    public async Task reinstalling_after_a_marten_migration_keeps_the_guard_and_appends_working()
    {
        await using var ledger = await SeededLedgerAsync();
        var owner = new NpgsqlConnectionStringBuilder(ledger.Owner.ConnectionString) { Password = TestLedger.OwnerPassword }.ConnectionString;
        using (var ownerStore = TestLedger.CreateStore(owner, ledger.Schema, AutoCreate.All))
        {
            await ownerStore.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        await AppendOnlyGuard.InstallAsync(ledger.Owner, ledger.Schema, LedgerRoles.Default);
        await AppendOnlyGuard.InstallAsync(ledger.Owner, ledger.Schema, LedgerRoles.Default);

        await ledger.AppendAsync(Guid.NewGuid(), "officer", null, new InteractionLogged(Guid.NewGuid(), "after migration", ["PE"]));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(ledger.Owner, $"DELETE FROM {ledger.Schema.Events}"));
        Assert.Equal(AppendOnlyGuard.RewriteRefusedSqlState, refused.SqlState);
    }

    [Fact]
    public async Task a_schema_laid_down_by_a_superuser_is_handed_to_the_owner_and_guarded()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(AppendOnlyGuardTests), martenFirstAsSuperuser: true);

        var notOwned = await ledger.ScalarAsync<long>($"""
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = '{ledger.Schema.Name}' AND c.relkind IN ('r', 'S') AND pg_get_userbyid(c.relowner) <> '{LedgerRoles.Default.Owner}'
            """);
        await ledger.AppendAsync(Guid.NewGuid(), "officer", null, new InteractionLogged(Guid.NewGuid(), "after hand-over", ["PE"]));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(ledger.App, $"DELETE FROM {ledger.Schema.Events}"));

        Assert.Equal(0L, notOwned);
        Assert.Equal(_permissionDenied, refused.SqlState);
    }

    private async Task<TestLedger> SeededLedgerAsync()
    {
        var ledger = await cluster.NewLedgerAsync(nameof(AppendOnlyGuardTests));
        await ledger.SeedAsync(3);
        await ledger.Integrator().CheckpointNowAsync();
        return ledger;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
