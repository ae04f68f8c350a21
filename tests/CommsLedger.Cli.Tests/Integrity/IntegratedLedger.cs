using Npgsql;

namespace CommsLedger.Cli.Tests.Integrity;

/// <summary>
/// A fresh database taken through the README's first steps, in a temp folder of its own: <c>demo</c> (which makes the
/// ledger key and signs a first checkpoint), <c>integrate</c>, then the two files a reviewer keeps outside the ledger,
/// <c>checkpoint.txt</c> and <c>ledger-public.pem</c>.
/// </summary>
internal sealed class IntegratedLedger : IDisposable
{
    public const string PublicKey = "ledger-public.pem";
    public const string KeptCheckpoint = "checkpoint.txt";

    private IntegratedLedger(string connectionString)
    {
        ConnectionString = connectionString;
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The cluster superuser on this database: what the CLI connects as, and what a DBA can do.</summary>
    public string ConnectionString { get; }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "commsledger-integrity-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The first <c>demo</c>: the run that set the ledger up.</summary>
    public CliRun FirstRun { get; private set; } = new(-1, "", "");

    public string KeyPath => Path.Combine(Folder, "secret", "ledger-key.pem");

    public static async Task<IntegratedLedger> CreateAsync(PostgresCluster postgres)
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("integ" + Guid.NewGuid().ToString("N")[..10]);
        var ledger = new IntegratedLedger(database);
        ledger.FirstRun = await ledger.Succeeds("demo");
        await ledger.Succeeds("integrate");
        await File.WriteAllTextAsync(ledger.PathOf(KeptCheckpoint), (await ledger.Succeeds("checkpoint", "export")).StdOut);
        await File.WriteAllTextAsync(ledger.PathOf(PublicKey), (await ledger.Succeeds("key", "export-public")).StdOut);
        return ledger;
    }

    public Task<CliRun> Run(params string[] args) => IntegrityCli.Run(Folder, ConnectionString, KeyPath, args);

    /// <summary>As a reviewer's machine runs it: no ledger connection configured at all.</summary>
    public Task<CliRun> RunOffline(params string[] args) => IntegrityCli.Run(Folder, null, KeyPath, args);

    public Task<CliRun> RunWithConnection(string connectionString, params string[] args) => IntegrityCli.Run(Folder, connectionString, KeyPath, args);

    public async Task<CliRun> Succeeds(params string[] args)
    {
        var run = await Run(args);
        Assert.True(run.ExitCode == 0, $"commsledger {string.Join(' ', args)}: {run}");
        return run;
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public async Task<long> EventCount() => (long)(await Scalar(ConnectionString, "select count(*) from commsledger.mt_events"))!;

    public async Task<Guid> EventId(int offset) =>
        (Guid)(await Scalar(ConnectionString, $"select id from commsledger.mt_events order by seq_id limit 1 offset {offset}"))!;

    /// <summary>What a database administrator can do whatever the guard says.</summary>
    public Task AsSuperuser(string sql) => Execute(ConnectionString, sql);

    public string As(string role, string password) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Username = role, Password = password }.ConnectionString;

    public static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    public Task<object?> Scalar(string sql) => Scalar(ConnectionString, sql);

    public static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
