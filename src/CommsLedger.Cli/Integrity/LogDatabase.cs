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

    private LogDatabase(LedgerConnections connection) => _connection = connection;

    /// <summary>The schema Marten writes to, so the log sits beside the events it covers.</summary>
    public static LedgerSchema Schema { get; } = new(LedgerStore.Schema);

    public NpgsqlDataSource DataSource => _connection.DataSource;

    public string ConnectionString => _connection.App;

    public static async Task<LogDatabase> OpenAsync(CancellationToken ct) => new(await Ledger.OpenConnectionsAsync(ct));

    public Task<bool> HasEventsAsync(CancellationToken ct) => ExistAsync([Schema.Events], ct);

    public Task<bool> HasLogAsync(CancellationToken ct) => ExistAsync([Schema.Events, Schema.Leaves, Schema.Checkpoints], ct);

    public Task EnsureLogTablesAsync(CancellationToken ct) => LogTables.EnsureAsync(DataSource, Schema, ct);

    public async Task RequireLogAsync(CancellationToken ct)
    {
        if (!await HasLogAsync(ct))
        {
            throw new LedgerRuleViolated("log", "the ledger has no Merkle log yet: run commsledger integrate first");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
    }

    private Task<bool> ExistAsync(string[] tables, CancellationToken ct) => LogTables.ExistAsync(DataSource, tables, ct);
}
