using CommsLedger.Application.Storage;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Integrity.AppendOnly;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Reporting.Scheduling;
using Npgsql;

namespace CommsLedger.Api.Tests.Deployment;

/// <summary>
/// docker-compose.yml describes the production topology (issue 17) with the settings the application really reads:
/// a primary and a streaming standby with synchronous replication, two app replicas, the integrator and the report
/// scheduler, configured by environment, secrets from files only. Read without Docker, so it runs everywhere;
/// <see cref="ComposeConfigTests"/> adds compose's own check where compose is installed.
/// </summary>
public sealed class ComposeTopologyTests
{
    private static readonly Yaml Services = DeploymentFiles.Compose()["services"];
    private static readonly LedgerRoles Roles = LedgerRoles.Default;

    [Fact]
    public void the_primary_runs_postgres_15_with_a_synchronous_standby()
    {
        var primary = Services["db-primary"];
        Assert.Equal("postgres:15", primary["image"].Text);
        Assert.Contains("synchronous_standby_names=FIRST 1 (standby)", primary["command"].Texts);
        Assert.Contains("synchronous_commit=on", primary["command"].Texts);
        Assert.Contains("./deploy/postgres/primary-init.sh:/docker-entrypoint-initdb.d/10-commsledger.sh:ro", primary["volumes"].Texts);
        Assert.True(primary["healthcheck"].Exists);
    }

    [Fact]
    public void both_database_servers_cache_more_than_the_images_default_and_the_same_once_promoted()
    {
        var caches = new[] { "db-primary", "db-standby" }.Select(name => Services[name]["command"].Texts.Single(t => t.StartsWith("shared_buffers=", StringComparison.Ordinal)));

        Assert.Equal(["shared_buffers=1GB", "shared_buffers=1GB"], caches);
    }

    [Fact]
    public void the_standby_copies_the_primary_under_the_name_the_primary_waits_for()
    {
        var standby = Services["db-standby"];
        Assert.Equal("postgres:15", standby["image"].Text);
        Assert.Equal(["/usr/local/bin/standby-entrypoint.sh"], standby["entrypoint"].Texts);
        Assert.Equal(["docker-entrypoint.sh", "postgres"], standby["command"].Texts.Take(2));
        Assert.Equal("service_healthy", standby["depends_on"]["db-primary"]["condition"].Text);
        var environment = standby["environment"].Map;
        Assert.Equal("db-primary", environment["PRIMARY_HOST"]);
        Assert.Equal("standby", environment["STANDBY_NAME"]);
        Assert.Equal(Services["db-primary"]["environment"]["REPLICATION_USER"].Text, environment["REPLICATION_USER"]);

        var script = File.ReadAllText(Path.Combine(DeploymentFiles.DeployFolder, "postgres", "standby-entrypoint.sh"));
        Assert.Contains("pg_basebackup", script);
        Assert.Contains("--write-recovery-conf", script);
        Assert.Contains("application_name=${STANDBY_NAME", script);
    }

    [Fact]
    public void the_primary_creates_the_replication_role_and_the_ledger_roles_the_app_expects()
    {
        var script = File.ReadAllText(Path.Combine(DeploymentFiles.DeployFolder, "postgres", "primary-init.sh"));
        Assert.Contains("LOGIN REPLICATION", script);
        Assert.Contains("host replication ${REPLICATION_USER} all scram-sha-256", script);
        Assert.Contains($"CREATE ROLE {Roles.Owner} LOGIN NOSUPERUSER", script);
        Assert.Contains($"CREATE ROLE {Roles.App} LOGIN NOSUPERUSER", script);
        Assert.Contains($"CREATE SCHEMA {LedgerStore.Schema} AUTHORIZATION {Roles.Owner}", script);
        Assert.DoesNotContain("SUPERUSER PASSWORD", script);
    }

    [Fact]
    public void two_app_replicas_run_as_the_application_role_and_migrate_as_the_owner()
    {
        var app = Services["app"];
        Assert.Equal("2", app["deploy"]["replicas"].Text);
        Assert.Equal("src/CommsLedger.Web/Dockerfile", app["build"]["dockerfile"].Text);
        var environment = app["environment"].Map;
        AssertWriterConnection(environment[LedgerDatabase.ConnectionVariable], Roles.App);
        AssertWriterConnection(environment[LedgerDatabase.OwnerConnectionVariable], Roles.Owner);
        Assert.Equal("/run/secrets/ledger_app_password", environment[LedgerDatabase.PasswordFileVariable]);
        Assert.Equal("/run/secrets/ledger_owner_password", environment[LedgerDatabase.OwnerPasswordFileVariable]);
        Assert.Equal("/etc/commsledger/ledger-public.pem", environment["Integrity__PublicKeyPath"]);
        Assert.Contains("GET /health/live", string.Join(' ', app["healthcheck"]["test"].Texts));
    }

    [Fact]
    public void the_integrator_and_the_scheduler_run_once_each_as_the_application_role()
    {
        var integrator = Services["integrator"];
        Assert.Equal(["integrate", "--follow"], integrator["command"].Texts.Take(2));
        Assert.Equal("/run/secrets/ledger_key", integrator["environment"][LedgerKey.PathVariable].Text);
        Assert.Contains("ledger_key", integrator["secrets"].Texts);

        var scheduler = Services["scheduler"];
        Assert.Equal(["report", "schedule", "--config", "/etc/commsledger/reports.json"], scheduler["command"].Texts);
        Assert.Contains("./deploy/reports.json:/etc/commsledger/reports.json:ro", scheduler["volumes"].Texts);
        Assert.Equal(2, ScheduleFile.Load(Path.Combine(DeploymentFiles.DeployFolder, "reports.json")).Jobs.Count);

        foreach (var service in new[] { integrator, scheduler })
        {
            Assert.Null(service["deploy"]["replicas"].Text);
            Assert.Equal("src/CommsLedger.Cli/Dockerfile", service["build"]["dockerfile"].Text);
            AssertWriterConnection(service["environment"][LedgerDatabase.ConnectionVariable].Text!, Roles.App);
            Assert.False(service["environment"][LedgerDatabase.OwnerConnectionVariable].Exists, "only the app nodes migrate");
            Assert.Equal("service_healthy", service["depends_on"]["app"]["condition"].Text);
        }
    }

    [Fact]
    public void every_secret_is_a_file_given_to_the_services_that_name_it_and_no_password_is_written_down()
    {
        var secrets = DeploymentFiles.Compose()["secrets"];
        Assert.Equal(["ledger_app_password", "ledger_key", "ledger_owner_password", "postgres_password", "replication_password"], secrets.Keys.Order());
        foreach (var name in secrets.Keys)
        {
            Assert.StartsWith("./deploy/secrets/", secrets[name]["file"].Text);
        }

        foreach (var name in Services.Keys)
        {
            var service = Services[name];
            var given = service["secrets"].Texts;
            foreach (var (key, value) in service["environment"].Map)
            {
                Assert.False(key.Contains("PASSWORD", StringComparison.Ordinal) && !key.EndsWith("_FILE", StringComparison.Ordinal), $"{name}: {key} holds a password");
                Assert.DoesNotContain("password=", value, StringComparison.OrdinalIgnoreCase);
                if (value.StartsWith("/run/secrets/", StringComparison.Ordinal))
                {
                    Assert.Contains(value["/run/secrets/".Length..], given);
                }
            }
        }

        Assert.DoesNotContain("change-me", File.ReadAllText(DeploymentFiles.ComposePath), StringComparison.Ordinal);
    }

    [Fact]
    public void the_demo_and_the_operators_cli_stay_out_of_a_plain_up()
    {
        Assert.Equal(["demo"], Services["demo"]["profiles"].Texts);
        Assert.Equal(["demo"], Services["demo"]["command"].Texts);
        Assert.Equal(["demo"], Services["demo-db"]["profiles"].Texts);
        Assert.Equal(["tools"], Services["cli"]["profiles"].Texts);
        Assert.Equal(
            ["app", "db-primary", "db-standby", "integrator", "scheduler"],
            Services.Keys.Where(name => !Services[name]["profiles"].Exists).Order());
    }

    // Writers name both servers and let Npgsql find the primary, so they follow a promotion; no password inline.
    private static void AssertWriterConnection(string connectionString, string role)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal("db-primary:5432,db-standby:5432", builder.Host);
        Assert.Equal("primary", builder.TargetSessionAttributes);
        Assert.Equal(1, builder.HostRecheckSeconds);
        Assert.Equal(role, builder.Username);
        Assert.Null(builder.Password);
    }
}
