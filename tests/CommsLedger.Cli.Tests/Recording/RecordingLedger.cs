using Npgsql;

namespace CommsLedger.Cli.Tests.Recording;

/// <summary>A fresh database for one test, the real commsledger binary run against it, and a raw count of its log.</summary>
internal sealed class RecordingLedger(string connectionString)
{
    public const string SeedInteraction = "d0194545-24cf-5816-97ef-51813235b66b";
    public const string SinopharmPledge = "8c4d6de1-8eb6-58d1-b88e-0afc78551a02";
    public const string FirstStatement = "b71eeeb8-8ea9-5a81-8f95-31dfd415752e";

    /// <summary>The seed call logged from its file: 20 events on the interaction, 7 pledge streams with 3 follow-ups.</summary>
    public const long SeedCallEvents = 30;

    public static async Task<RecordingLedger> CreateAsync(PostgresCluster postgres) =>
        new(await postgres.Cluster.CreateDatabaseAsync("rec" + Guid.NewGuid().ToString("N")[..10]));

    /// <summary>Recording/examples/seed-call.json: copied next to the binary when the CLI project copies it, else read from the source tree.</summary>
    public static string SeedCallFile
    {
        get
        {
            var copied = Path.Combine(AppContext.BaseDirectory, "Recording", "examples", "seed-call.json");
            if (File.Exists(copied))
            {
                return copied;
            }

            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var source = Path.Combine(folder.FullName, "src", "CommsLedger.Cli", "Recording", "examples", "seed-call.json");
                if (File.Exists(source))
                {
                    return source;
                }
            }

            throw new FileNotFoundException("seed-call.json not found next to the tests nor in the source tree");
        }
    }

    public Task<(int ExitCode, string Output)> Run(params string[] args) => CliProcess.Run(connectionString, args);

    public async Task<(int ExitCode, string Output)> LogSeedCall()
    {
        var logged = await Run("log", "--file", SeedCallFile);
        Assert.True(logged.ExitCode == 0, logged.Output);
        return logged;
    }

    public async Task<long> EventCount() => await Scalar("select count(*) from commsledger.mt_events");

    public async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }
}
