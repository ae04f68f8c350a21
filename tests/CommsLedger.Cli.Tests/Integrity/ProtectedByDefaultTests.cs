using System.Runtime.Versioning;
using System.Text.Json;
using Npgsql;

namespace CommsLedger.Cli.Tests.Integrity;

/// <summary>A ledger set up the default way is append-only in PostgreSQL itself: the first run makes the owner and
/// application roles (passwords generated, kept 0600, never shown), installs the guard and then runs as the
/// application role; a ledger from before is upgraded by <c>guard install</c>.</summary>
[Collection(PostgresCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class ProtectedByDefaultTests(PostgresCluster postgres)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task after_demo_the_apps_role_may_not_update_or_delete_events_and_verify_passes()
    {
        using var ledger = await IntegratedLedger.CreateAsync(postgres);
        var passwords = KeptPasswords(ledger);
        var app = ledger.As("commsledger_app", passwords.App);

        var update = await Assert.ThrowsAsync<PostgresException>(() => IntegratedLedger.Execute(app, "update commsledger.mt_events set data = data"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => IntegratedLedger.Execute(app, "delete from commsledger.mt_events"));
        var byTheOwner = await Assert.ThrowsAsync<PostgresException>(() =>
            IntegratedLedger.Execute(ledger.As("commsledger_owner", passwords.Owner), "delete from commsledger.mt_events"));
        var verified = await ledger.Run("verify");

        Assert.Equal("42501", update.SqlState);
        Assert.Equal("42501", delete.SqlState);
        Assert.Equal("CL001", byTheOwner.SqlState);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("Intact: ", verified.StdOut, StringComparison.Ordinal);
        Assert.Equal("commsledger_owner", await ledger.Scalar("select nspowner::regrole::text from pg_namespace where nspname = 'commsledger'"));
    }

    [Fact]
    public async Task role_passwords_and_the_ledger_key_are_made_on_first_use_kept_0600_and_never_printed()
    {
        using var ledger = await IntegratedLedger.CreateAsync(postgres);
        var passwords = KeptPasswords(ledger);
        var demoAgain = await ledger.Run("demo");
        var guard = await ledger.Run("guard", "install");

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(RolesFile(ledger)));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(ledger.KeyPath));
        Assert.Equal(40, passwords.App.Length);
        Assert.NotEqual(passwords.App, passwords.Owner);
        Assert.True(guard.ExitCode == 0, guard.ToString());
        foreach (var output in new[] { demoAgain.Output, guard.Output, ledger.FirstRun.Output })
        {
            Assert.DoesNotContain(passwords.App, output, StringComparison.Ordinal);
            Assert.DoesNotContain(passwords.Owner, output, StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE KEY", output, StringComparison.Ordinal);
        }

        Assert.Contains("Generated the ledger key", ledger.FirstRun.Output, StringComparison.Ordinal);
        Assert.Equal(passwords, KeptPasswords(ledger));
    }

    [Fact]
    public async Task guard_install_upgrades_a_ledger_made_before_protection_was_the_default()
    {
        var superuser = await postgres.Cluster.CreateDatabaseAsync("legacy" + Guid.NewGuid().ToString("N")[..8]);
        var database = new NpgsqlConnectionStringBuilder(superuser).Database!;
        await IntegratedLedger.Execute(superuser, $"""
            do $$ begin if not exists (select from pg_roles where rolname = 'legacy_app') then create role legacy_app login password 'legacy-pw'; end if; end $$;
            alter database {database} owner to legacy_app;
            """);
        var legacy = new NpgsqlConnectionStringBuilder(superuser) { Username = "legacy_app", Password = "legacy-pw" }.ConnectionString;
        var folder = Path.Combine(Path.GetTempPath(), "commsledger-legacy-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var key = Path.Combine(folder, "secret", "ledger-key.pem");
            var unprotected = await IntegrityCli.Run(folder, legacy, key, "demo");
            var rewritable = await IntegratedLedger.Scalar(legacy, "select has_table_privilege('commsledger.mt_events', 'DELETE')");

            var upgraded = await IntegrityCli.Run(folder, superuser, key, "guard", "install");
            var verified = await IntegrityCli.Run(folder, superuser, key, "verify");
            var app = new NpgsqlConnectionStringBuilder(superuser) { Username = "commsledger_app", Password = Load(Path.Combine(folder, "secret")).App }.ConnectionString;
            var refused = await Assert.ThrowsAsync<PostgresException>(() => IntegratedLedger.Execute(app, "delete from commsledger.mt_events"));

            Assert.True(unprotected.ExitCode == 0, unprotected.ToString());
            Assert.Equal(true, rewritable);
            Assert.True(upgraded.ExitCode == 0, upgraded.ToString());
            Assert.Contains("Append-only triggers installed", upgraded.StdOut, StringComparison.Ordinal);
            Assert.True(verified.ExitCode == 0, verified.ToString());
            Assert.Equal("42501", refused.SqlState);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RolesFile(IntegratedLedger ledger) => Directory.GetFiles(ledger.PathOf("secret"), "roles-*.json").Single();

    private static Passwords KeptPasswords(IntegratedLedger ledger) => Load(ledger.PathOf("secret"));

    private static Passwords Load(string folder) =>
        JsonSerializer.Deserialize<Passwords>(File.ReadAllText(Directory.GetFiles(folder, "roles-*.json").Single()))!;

    private sealed record Passwords(string Owner, string App);
}
