using CommsLedger.Integrity.AppendOnly;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Storage;
using CommsLedger.Integrity.Verifying;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace CommsLedger.Integrity.Tests.Fixtures;

/// <summary>
/// A ledger set up the way production is: the owner role applies Marten's schema and installs the guard,
/// the application role appends through Marten and runs the integrator, the superuser is the attacker.
/// </summary>
public sealed class TestLedger : IAsyncDisposable
{
    public const string OwnerPassword = "owner-secret";
    public const string AppPassword = "app-secret";

    private TestLedger(string superuserConnection, LedgerSchema schema)
    {
        Schema = schema;
        Superuser = NpgsqlDataSource.Create(superuserConnection);
        Owner = NpgsqlDataSource.Create(As(superuserConnection, LedgerRoles.Default.Owner, OwnerPassword));
        App = NpgsqlDataSource.Create(As(superuserConnection, LedgerRoles.Default.App, AppPassword));
        AppStore = CreateStore(As(superuserConnection, LedgerRoles.Default.App, AppPassword), schema, AutoCreate.None);
        Key = LedgerKey.Generate();
    }

    public LedgerSchema Schema { get; }

    public NpgsqlDataSource Superuser { get; }

    public NpgsqlDataSource Owner { get; }

    public NpgsqlDataSource App { get; }

    public DocumentStore AppStore { get; }

    public LedgerKey Key { get; }

    /// <param name="martenFirstAsSuperuser">Lay Marten's schema down as the superuser before any role exists, as a
    /// deployment from before the guard did.</param>
    public static async Task<TestLedger> CreateAsync(string superuserConnection, string schemaName, bool martenFirstAsSuperuser = false)
    {
        var ledger = new TestLedger(superuserConnection, new LedgerSchema(schemaName));
        if (martenFirstAsSuperuser)
        {
            using var legacy = CreateStore(superuserConnection, ledger.Schema, AutoCreate.All);
            await legacy.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        await AppendOnlyGuard.CreateRolesAsync(ledger.Superuser, ledger.Schema, LedgerRoles.Default, OwnerPassword, AppPassword);
        using (var ownerStore = CreateStore(As(superuserConnection, LedgerRoles.Default.Owner, OwnerPassword), ledger.Schema, AutoCreate.All))
        {
            await ownerStore.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        await AppendOnlyGuard.InstallAsync(ledger.Owner, ledger.Schema, LedgerRoles.Default);
        return ledger;
    }

    public static DocumentStore CreateStore(string connectionString, LedgerSchema schema, AutoCreate autoCreate) =>
        DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = schema.Name;
            options.AutoCreateSchemaObjects = autoCreate;
            options.Events.StreamIdentity = StreamIdentity.AsGuid;
            options.Events.AppendMode = EventAppendMode.Quick;
            options.Events.MetadataConfig.EnableAll();
            options.Events.MetadataConfig.UserNameEnabled = true;
            options.Events.MapEventType<InteractionLogged>("interaction_logged.v1");
            options.Events.MapEventType<CommitmentMade>("commitment_made.v1");
        });

    public MerkleIntegrator Integrator(IntegratorOptions? options = null, TimeProvider? clock = null) =>
        new(App, Key, (options ?? new IntegratorOptions()) with { Schema = Schema }, clock);

    public LedgerVerifier Verifier(LedgerPublicKey? trustedKey = null) => new(App, Schema, trustedKey ?? Key.PublicKey);

    /// <summary>Appends through a Marten session as the application role, the way the application does.</summary>
    public async Task AppendAsync(Guid streamId, string user, string? classification, params object[] events)
    {
        await using var session = AppStore.LightweightSession();
        session.LastModifiedBy = user;
        if (classification is not null)
        {
            session.SetHeader("classification", classification);
        }

        session.Events.Append(streamId, events);
        await session.SaveChangesAsync();
    }

    /// <summary>Appends <paramref name="count"/> interactions over a few streams; returns the stream ids.</summary>
    public async Task<IReadOnlyList<Guid>> SeedAsync(int count, int streams = 3)
    {
        var ids = Enumerable.Range(0, streams).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < count; i++)
        {
            var classification = (i % 3) switch { 0 => null, 1 => "CONFIDENTIAL", _ => "SECRET" };
            await AppendAsync(ids[i % streams], $"officer{i % 2}", classification,
                new InteractionLogged(Guid.NewGuid(), $"Call number {i} between CN and PE", ["CN", "PE"]));
        }

        return ids;
    }

    /// <summary>What an attacker with superuser rights can do: triggers off, then any SQL.</summary>
    public async Task TamperAsync(string sql)
    {
        await using var connection = await Superuser.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"SET LOCAL session_replication_role = replica; {sql}", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = Superuser.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        AppStore.Dispose();
        Key.Dispose();
        await App.DisposeAsync();
        await Owner.DisposeAsync();
        await Superuser.DisposeAsync();
    }

    private static string As(string connectionString, string user, string password) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = user, Password = password }.ConnectionString;
}
