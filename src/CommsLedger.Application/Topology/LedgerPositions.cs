using CommsLedger.Domain.Shared;
using NpgsqlTypes;
using Npgsql;

namespace CommsLedger.Application.Topology;

/// <summary>Read-your-writes across a streaming standby, on PostgreSQL's own replication: a write answers with a
/// position in the primary's WAL at or after its commit, and a read that carries one is answered only once the node
/// serving it has replayed that far (<c>pg_last_wal_replay_lsn()</c>). A primary has everything it committed.</summary>
public sealed class LedgerPositions(string connectionString, TimeProvider clock)
{
    public const string Header = "Ledger-Position";
    public const string QueryParameter = "after";

    /// <summary>How long a read waits for its node to catch up before it is refused.</summary>
    public static TimeSpan Bound { get; } = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>The primary's WAL position now: after a commit, at or beyond it.</summary>
    public async Task<string> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END::text", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The position after a write that has already committed, or null when the database cannot say now (it
    /// went away after the commit): the write's answer still goes out, without a position, rather than as a failure.</summary>
    public async Task<string?> AfterWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await CurrentAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Whether the node this connection reaches has replayed <paramref name="position"/>, waiting up to
    /// <see cref="Bound"/> for it.</summary>
    public async Task<bool> WaitForAsync(NpgsqlLogSequenceNumber position, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await WaitForAsync(connection, position, cancellationToken);
    }

    /// <summary>Whether the node <paramref name="connection"/> is open on has replayed <paramref name="position"/>,
    /// waiting up to <see cref="Bound"/> for it.</summary>
    public async Task<bool> WaitForAsync(NpgsqlConnection connection, NpgsqlLogSequenceNumber position, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT NOT pg_is_in_recovery() OR coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false)", connection)
        {
            Parameters = { new NpgsqlParameter { Value = position.ToString() } },
        };
        var giveUpAt = clock.GetUtcNow() + Bound;
        while (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            if (clock.GetUtcNow() > giveUpAt)
            {
                return false;
            }

            await Task.Delay(Poll, cancellationToken);
        }

        return true;
    }

    /// <summary>A position as a client sends it back (<c>0/16B3748</c>); anything else is refused naming the field.</summary>
    public static NpgsqlLogSequenceNumber Parse(string text, string field) =>
        NpgsqlLogSequenceNumber.TryParse(text.Trim(), out var position)
            ? position
            : throw new CommandRejected([new FieldError(field, $"'{text}' is not a ledger position (as the {Header} header gives it, e.g. 0/16B3748)")]);
}
