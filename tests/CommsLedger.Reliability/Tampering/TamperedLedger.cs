using System.Net;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Storage;
using CommsLedger.Integrity.Verifying;
using CommsLedger.Reliability.Support;
using Npgsql;

namespace CommsLedger.Reliability.Tampering;

/// <summary>
/// A ledger written through the API (users, interactions, a SECRET one, progress notes, a failed append's hole),
/// integrated with checkpoints every 10 leaves, and a checkpoint kept outside it. Each tampering runs on a copy of it
/// (<c>CREATE DATABASE … TEMPLATE</c>), as a superuser who can do anything to the database but holds no key.
/// </summary>
public sealed class TamperedLedger : IAsyncDisposable
{
    private readonly PostgresCluster _postgres;

    private TamperedLedger(PostgresCluster postgres, string database, LedgerKey key, Checkpoint kept, long hole, long secret)
    {
        _postgres = postgres;
        Database = database;
        Key = key;
        Kept = kept;
        Hole = hole;
        SecretEvent = secret;
    }

    public string Database { get; }

    public LedgerKey Key { get; }

    /// <summary>The checkpoint a reviewer exported half-way through and kept off the ledger's servers.</summary>
    public Checkpoint Kept { get; }

    /// <summary>A sequence number a failed append took, inside the log.</summary>
    public long Hole { get; }

    /// <summary>The sequence of the SECRET interaction's first event.</summary>
    public long SecretEvent { get; }

    public static async Task<TamperedLedger> CreateAsync(PostgresCluster postgres)
    {
        string connectionString;
        long hole, secret;
        await using (var api = await ApiHost.StartAsync(postgres))
        {
            connectionString = api.ConnectionString;
            using var recorder = api.Client(ApiHost.Recorder);
            await Log(recorder, connectionString, 6);
            hole = await LedgerEvents.Scalar<long>(connectionString, "select nextval('commsledger.mt_events_sequence')");
            secret = await Log(recorder, connectionString, 1, Classification.Secret);
            await Log(recorder, connectionString, 6);
        }

        var key = LedgerKey.Generate();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand(LedgerSchema.Default.CreateTablesSql()))
        {
            await create.ExecuteNonQueryAsync();
        }

        var integrator = new MerkleIntegrator(dataSource, key, new IntegratorOptions { CheckpointEveryEvents = 10, BatchSize = 10, GapGrace = TimeSpan.Zero });
        await integrator.CatchUpAsync();
        await integrator.CatchUpAsync();
        await integrator.CheckpointNowAsync();
        var kept = Checkpoint.Parse(await LedgerEvents.Scalar<string>(connectionString,
            "select checkpoint from commsledger.ledger_checkpoints where tree_size = 30"));
        NpgsqlConnection.ClearAllPools();
        return new TamperedLedger(postgres, new NpgsqlConnectionStringBuilder(connectionString).Database!, key, kept, hole, secret);
    }

    /// <summary>A fresh copy of the ledger, for one tampering.</summary>
    public async Task<string> CopyAsync(string name)
    {
        await using (var admin = new NpgsqlConnection(_postgres.Cluster.ConnectionString))
        {
            await admin.OpenAsync();
            await using var copy = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{Database}\"", admin);
            await copy.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_postgres.Cluster.ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task<VerifyReport> VerifyAsync(string copy, Checkpoint? against = null)
    {
        await using var dataSource = NpgsqlDataSource.Create(copy);
        return await new LedgerVerifier(dataSource, LedgerSchema.Default, Key.PublicKey).VerifyAsync(new VerifyOptions { Against = against });
    }

    /// <summary>Logs interactions; returns the sequence of the last one's first event.</summary>
    private static async Task<long> Log(HttpClient recorder, string connectionString, int count, Classification marking = Classification.Unclassified)
    {
        var random = new Random(count);
        long first = 0;
        for (var i = 0; i < count; i++)
        {
            using var logged = await recorder.PostAsync("/interactions", Requests.Json(Drafts.Interaction($"{marking} {i} {Guid.NewGuid():N}", random, marking)));
            var record = await logged.Body();
            Assert.True(logged.StatusCode == HttpStatusCode.Created, record.ToString());
            first = await LedgerEvents.Scalar<long>(connectionString,
                $"select min(seq_id) from commsledger.mt_events where stream_id = '{record.GetProperty("id").GetGuid()}'");
        }

        return first;
    }

    public ValueTask DisposeAsync()
    {
        Key.Dispose();
        return ValueTask.CompletedTask;
    }
}
