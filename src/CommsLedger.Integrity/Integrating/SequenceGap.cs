using Npgsql;

namespace CommsLedger.Integrity.Integrating;

/// <summary>
/// A hole just after <see cref="AfterSequence"/>: a later event is visible but this one is not. The transaction that
/// took the missing number either rolled back (the hole is permanent) or is still running (it will fill it).
/// <see cref="Snapshot"/> is <c>pg_current_snapshot()</c> taken right after the hole was seen: such a transaction is
/// among its in-progress ids, so once they have all ended, the hole is permanent.
/// </summary>
internal sealed record SequenceGap(long AfterSequence, DateTimeOffset FirstSeen, string Snapshot)
{
    public static async Task<SequenceGap> ObserveAsync(NpgsqlConnection connection, long afterSequence, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_current_snapshot()::text", connection);
        var snapshot = (string)(await command.ExecuteScalarAsync(ct))!;
        return new SequenceGap(afterSequence, now, snapshot);
    }

    public async Task<bool> IsPermanentAsync(NpgsqlConnection connection, DateTimeOffset now, TimeSpan grace, CancellationToken ct)
    {
        if (now - FirstSeen < grace)
        {
            return false;
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT NOT EXISTS (
                SELECT FROM pg_snapshot_xip($1::pg_snapshot) AS running(xid)
                WHERE pg_xact_status(running.xid) = 'in progress')
            """,
            connection)
        {
            Parameters = { new() { Value = Snapshot } },
        };
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
