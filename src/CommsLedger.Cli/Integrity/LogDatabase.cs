using CommsLedger.Application.Storage;
using CommsLedger.Application.Topology;
using CommsLedger.Cli.Hosting;
using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.Storage;
using Npgsql;

namespace CommsLedger.Cli.Integrity;

/// <summary>The ledger's database as the integrity commands see it: plain Npgsql over the connection every other
/// command uses, never Marten, so a check does not trust the code that wrote the events.</summary>
internal sealed class LogDatabase : IAsyncDisposable
{
    private readonly LedgerConnections _connection;

    private LogDatabase(LedgerConnections connection)
    {
        _connection = connection;
        DataSource = NpgsqlDataSource.Create(connection.App);
    }

    /// <summary>The schema Marten writes to, so the log sits beside the events it covers.</summary>
    public static LedgerSchema Schema { get; } = new(LedgerStore.Schema);

    public NpgsqlDataSource DataSource { get; }

    public string ConnectionString => _connection.App;

    public static async Task<LogDatabase> OpenAsync(CancellationToken ct) => new(await Ledger.OpenConnectionsAsync(ct));

    public Task<bool> HasEventsAsync(CancellationToken ct) => ExistAsync([Schema.Events], ct);

    public Task<bool> HasLogAsync(CancellationToken ct) => ExistAsync([Schema.Events, Schema.Leaves, Schema.Checkpoints], ct);

    /// <summary>Creates the log's tables unless they exist. Checked first because under the append-only guard the
    /// application role may not CREATE in the schema at all, not even a table that is already there.</summary>
    public async Task EnsureLogTablesAsync(CancellationToken ct)
    {
        if (await ExistAsync([Schema.Leaves, Schema.Checkpoints, Schema.SequenceGaps], ct))
        {
            return;
        }

        await using var command = DataSource.CreateCommand(Schema.CreateTablesSql());
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task RequireLogAsync(CancellationToken ct)
    {
        if (!await HasLogAsync(ct))
        {
            throw new LedgerRuleViolated("log", "the ledger has no Merkle log yet: run commsledger integrate first");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task<bool> ExistAsync(string[] tables, CancellationToken ct)
    {
        await using var command = DataSource.CreateCommand("SELECT bool_and(to_regclass(t) IS NOT NULL) FROM unnest($1::text[]) AS t");
        command.Parameters.Add(new NpgsqlParameter { Value = tables });
        return await command.ExecuteScalarAsync(ct) is true;
    }
}
