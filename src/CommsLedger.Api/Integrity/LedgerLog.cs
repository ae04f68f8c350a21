using CommsLedger.Integrity.Storage;
using Npgsql;

namespace CommsLedger.Api.Integrity;

/// <summary>The ledger's Merkle log as the integrity check reads it: plain Npgsql over the ledger's connection, never
/// Marten, so the check does not trust the code that wrote the events (as the CLI's verify).</summary>
public sealed class LedgerLog(string connectionString) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(connectionString);

    public static LedgerSchema Schema => LedgerSchema.Default;

    /// <summary>Whether events, leaves and checkpoints all exist (the log is made by <c>commsledger integrate</c>).</summary>
    public Task<bool> ExistsAsync(CancellationToken cancellationToken) =>
        LogTables.ExistAsync(DataSource, [Schema.Events, Schema.Leaves, Schema.Checkpoints], cancellationToken);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
