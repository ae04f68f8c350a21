using CommsLedger.Integrity.Storage;
using Npgsql;

namespace CommsLedger.Integrity.Integrating;

/// <summary>
/// A hole just after <see cref="AfterSequence"/>: a later event is visible but this one is not. The transaction that
/// took the missing number either rolled back (the hole is permanent) or is still running (it will fill it).
/// <see cref="Snapshot"/> is <c>pg_current_snapshot()</c> taken right after the hole was seen: such a transaction is
/// among its in-progress ids, so once they have all ended, the hole is permanent. The observation is kept in
/// <see cref="LedgerSchema.SequenceGaps"/>, so a later run (a one-shot <c>integrate</c>, another process) carries on
/// the wait where the first one saw the hole instead of starting it again.
/// </summary>
internal sealed record SequenceGap(long AfterSequence, DateTimeOffset FirstSeen, string Snapshot)
{
    /// <summary>The hole after <paramref name="afterSequence"/> as first seen by any run, recording it now if none has.</summary>
    public static async Task<SequenceGap> ObserveAsync(
        NpgsqlConnection connection, LedgerSchema schema, long afterSequence, DateTimeOffset now, CancellationToken ct)
    {
        if (await LoadAsync(connection, schema, afterSequence, ct) is { } seen)
        {
            return seen;
        }

        await using var command = new NpgsqlCommand("SELECT pg_current_snapshot()::text", connection);
        var gap = new SequenceGap(afterSequence, now, (string)(await command.ExecuteScalarAsync(ct))!);
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {schema.SequenceGaps} (after_sequence, first_seen, snapshot) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", connection)
        {
            Parameters = { new() { Value = afterSequence }, new() { Value = now }, new() { Value = gap.Snapshot } },
        };
        await insert.ExecuteNonQueryAsync(ct);
        return gap;
    }

    public static async Task<SequenceGap?> LoadAsync(NpgsqlConnection connection, LedgerSchema schema, long afterSequence, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT first_seen, snapshot FROM {schema.SequenceGaps} WHERE after_sequence = $1", connection)
        {
            Parameters = { new() { Value = afterSequence } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new SequenceGap(afterSequence, reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1))
            : null;
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
