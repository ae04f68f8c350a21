using CommsLedger.Api.Integrity;
using Npgsql;

namespace CommsLedger.Api.Health;

/// <summary>How far behind the ledger's followers are: the Merkle log (events not yet in it) and, when a standby is
/// configured (<see cref="StandbySetting"/>), the standby (bytes of WAL it has not replayed). Read by the health
/// checks and the metrics alike.</summary>
public sealed class LedgerLag(LedgerLog log, string? standbyConnection)
{
    public const string StandbySetting = "ConnectionStrings:Standby";

    public const string StandbyVariable = "COMMSLEDGER_STANDBY_CONNECTION";

    public bool HasStandby => standbyConnection is not null;

    /// <summary>Events after the log's last leaf; null before the log exists.</summary>
    public async Task<long?> IntegratorAsync(CancellationToken cancellationToken)
    {
        if (!await log.ExistsAsync(cancellationToken))
        {
            return null;
        }

        await using var command = log.DataSource.CreateCommand(
            $"SELECT count(*) FROM {LedgerLog.Schema.Events} WHERE seq_id > (SELECT coalesce(max(seq_id), 0) FROM {LedgerLog.Schema.Leaves})");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Bytes of the primary's WAL the standby has not replayed; null without a standby. Throws when the
    /// standby does not answer or is not in recovery.</summary>
    public async Task<long?> StandbyAsync(CancellationToken cancellationToken)
    {
        if (standbyConnection is null)
        {
            return null;
        }

        await using var standby = new NpgsqlConnection(standbyConnection);
        await standby.OpenAsync(cancellationToken);
        await using var replayed = new NpgsqlCommand("SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()::text END", standby);
        var position = await replayed.ExecuteScalarAsync(cancellationToken) as string
                       ?? throw new InvalidOperationException("the configured standby is not in recovery (promoted, or a primary)");
        await using var behind = log.DataSource.CreateCommand("SELECT greatest(pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn), 0)::bigint");
        behind.Parameters.Add(new NpgsqlParameter { Value = position });
        return (long)(await behind.ExecuteScalarAsync(cancellationToken))!;
    }

    public static string? StandbyOf(IConfiguration configuration) =>
        configuration[StandbySetting] is { Length: > 0 } configured ? configured
        : Environment.GetEnvironmentVariable(StandbyVariable) is { Length: > 0 } variable ? variable
        : null;
}
