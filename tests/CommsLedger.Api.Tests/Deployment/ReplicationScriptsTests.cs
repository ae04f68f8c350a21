using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using CommsLedger.EmbeddedPostgres;
using Npgsql;

namespace CommsLedger.Api.Tests.Deployment;

/// <summary>
/// The compose file's replication, without Docker: deploy/postgres/primary-init.sh run against a real primary
/// (as the postgres image runs it, as the postgres account, set-up commits local), then
/// deploy/postgres/standby-entrypoint.sh makes a standby of it by pg_basebackup -R and starts PostgreSQL on it. The
/// primary waits for that standby by the name the compose file gives it; the ledger roles log in with the secrets'
/// passwords; a committed write is on the standby.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ReplicationScriptsTests
{
    private static readonly bool AsRoot = Environment.IsPrivilegedProcess;

    [Fact]
    public async Task the_scripts_make_a_synchronous_streaming_standby_and_the_ledger_roles()
    {
        await using var primary = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.ThrowAway());
        var superuser = new NpgsqlConnectionStringBuilder(primary.ConnectionString);
        var folder = Directory.CreateTempSubdirectory("commsledger-replication-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var secrets = new Dictionary<string, string>
        {
            ["REPLICATION_PASSWORD_FILE"] = await SecretAsync(folder, "replication-password"),
            ["LEDGER_OWNER_PASSWORD_FILE"] = await SecretAsync(folder, "ledger-owner-password"),
            ["LEDGER_APP_PASSWORD_FILE"] = await SecretAsync(folder, "ledger-app-password"),
        };
        // Where the postgres account may make it, as the image's entrypoint makes the volume's folder.
        var standbyData = Path.Combine(Path.GetTempPath(), $"commsledger-standby-{Guid.NewGuid():N}");
        var standbyPort = FreePort();
        Process? standby = null;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        try
        {
            var init = await RunAsPostgresAsync("primary-init.sh", [], new(secrets)
            {
                ["PGHOST"] = "127.0.0.1",
                ["PGPORT"] = superuser.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PGPASSWORD"] = superuser.Password!,
                ["POSTGRES_USER"] = superuser.Username!,
                ["POSTGRES_DB"] = superuser.Database!,
                ["PGDATA"] = Path.Combine(primary.DataDirectory, "data"),
                ["PGOPTIONS"] = "-c synchronous_commit=local",
                ["REPLICATION_USER"] = "replicator",
            });
            Assert.True(init.ExitCode == 0, init.Output);
            await ExecuteAsync(primary.ConnectionString, "ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (standby)'; SELECT pg_reload_conf()");
            Assert.Equal(1L, await ScalarAsync(primary.ConnectionString,
                "SELECT count(*) FROM pg_hba_file_rules WHERE database = '{replication}' AND user_name = '{replicator}' AND auth_method = 'scram-sha-256'"));

            standby = StartAsPostgres("standby-entrypoint.sh",
                ["postgres", "-D", standbyData, "-p", $"{standbyPort}", "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={standbyData}"],
                new(secrets)
                {
                    ["PGDATA"] = standbyData,
                    ["PRIMARY_HOST"] = "127.0.0.1",
                    ["PRIMARY_PORT"] = superuser.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["STANDBY_NAME"] = "standby",
                    ["REPLICATION_USER"] = "replicator",
                });
            standby.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
            standby.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
            standby.BeginOutputReadLine();
            standby.BeginErrorReadLine();
            await WaitForAsync(
                async () => await ScalarAsync(primary.ConnectionString,
                    "SELECT count(*) FROM pg_stat_replication WHERE application_name = 'standby' AND state = 'streaming' AND sync_state = 'sync'") is 1L,
                () => string.Join('\n', log));

            var owner = As(primary.ConnectionString, "commsledger_owner", secrets["LEDGER_OWNER_PASSWORD_FILE"]);
            await ExecuteAsync(owner, "CREATE TABLE commsledger.deployment_probe (id int); INSERT INTO commsledger.deployment_probe VALUES (1)");
            Assert.Equal("commsledger_app", await ScalarAsync(As(primary.ConnectionString, "commsledger_app", secrets["LEDGER_APP_PASSWORD_FILE"]), "SELECT current_user"));
            var onStandby = new NpgsqlConnectionStringBuilder(primary.ConnectionString) { Port = standbyPort, Pooling = false }.ConnectionString;
            await WaitForAsync(async () => (bool)(await ScalarAsync(onStandby, "SELECT pg_is_in_recovery()"))!, () => string.Join('\n', log));
            await WaitForAsync(async () => await ScalarAsync(onStandby, "SELECT count(*) FROM commsledger.deployment_probe") is 1L, () => "the write was not replayed");
        }
        finally
        {
            if (standby is not null)
            {
                await RunAsPostgresAsync(null, ["pg_ctl", "stop", "-D", standbyData, "-m", "immediate"], []);
                if (!standby.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    standby.Kill(entireProcessTree: true); // stopped before its server started (still copying)
                }
            }

            NpgsqlConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            if (Directory.Exists(standbyData))
            {
                Directory.Delete(standbyData, recursive: true);
            }
        }
    }

    private static async Task<string> SecretAsync(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)));
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        return path;
    }

    private static string As(string connectionString, string role, string passwordFile) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = File.ReadAllText(passwordFile), Pooling = false }.ConnectionString;

    private static async Task<(int ExitCode, string Output)> RunAsPostgresAsync(string? script, string[] arguments, Dictionary<string, string> environment)
    {
        var (program, all) = AsPostgres(script, arguments, environment);
        var (exitCode, output, errors) = await DeploymentFiles.RunAsync(program, all, Path.GetTempPath());
        return (exitCode, output + errors);
    }

    private static Process StartAsPostgres(string? script, string[] arguments, Dictionary<string, string> environment)
    {
        var (program, all) = AsPostgres(script, arguments, environment);
        return Process.Start(new ProcessStartInfo(program, all) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() })!;
    }

    // As the postgres image runs them: as the postgres account (through runuser when the tests run as root), the
    // server binaries on PATH, settings in the environment.
    private static (string Program, string[] Arguments) AsPostgres(string? script, string[] arguments, Dictionary<string, string> environment)
    {
        environment["PATH"] = $"{BinDirectory.Value}:{Environment.GetEnvironmentVariable("PATH")}";
        string[] command = [
            .. environment.Select(pair => $"{pair.Key}={pair.Value}"),
            .. script is null ? Array.Empty<string>() : ["bash", Path.Combine(DeploymentFiles.DeployFolder, "postgres", script)],
            .. arguments];
        return AsRoot ? ("runuser", ["-u", "postgres", "--", "env", .. command]) : ("env", command);
    }

    private static readonly Lazy<string> BinDirectory = new(() =>
        Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture))
            .Select(d => Path.Combine(d, "bin")).First(d => File.Exists(Path.Combine(d, "pg_basebackup"))));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, Func<string> why)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                // The standby is still being copied or starting.
            }

            Assert.True(DateTime.UtcNow < deadline, $"not within 60 s: {why()}");
            await Task.Delay(200);
        }
    }
}
