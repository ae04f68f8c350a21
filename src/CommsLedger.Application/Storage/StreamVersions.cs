using CommsLedger.Application.Clearance;
using CommsLedger.Domain.Shared;
using Marten;

namespace CommsLedger.Application.Storage;

/// <summary>
/// The version of a stream as one reader sees it: how many of its events they are cleared for. It is the ETag they
/// read, the If-Match they write with and the version their history shows, so an event above their clearance moves
/// no version of theirs and leaves no gap — either would tell them that something hidden was added. For TOP SECRET
/// it is the stream version itself.
/// </summary>
public static class StreamVersions
{
    public static async Task<long> Visible(IQuerySession session, Guid streamId, long currentVersion, Classification clearance, CancellationToken cancellationToken)
    {
        if (clearance == Classification.TopSecret || currentVersion == 0)
        {
            return currentVersion;
        }

        await using var command = session.Connection!.CreateCommand();
        command.CommandText = $"select count(*) from {LedgerStore.Schema}.mt_events "
            + "where stream_id = $1 and version <= $2 and headers ->> $3 = any($4)";
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = currentVersion });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = LedgerStore.ClassificationHeader });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = clearance.VisibleMarkings().Select(m => m.Display()).ToArray() });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
