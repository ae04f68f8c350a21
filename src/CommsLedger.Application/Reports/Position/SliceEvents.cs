using System.Runtime.CompilerServices;
using System.Text;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Shared;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace CommsLedger.Application.Reports.Position;

/// <summary>Reads a report's events in sequence order with one SQL statement over the columns a report uses
/// (<see cref="StoredEventRows"/>); ordered by sequence with a type filter, Marten's LINQ pages re-read the ledger before
/// each page.</summary>
internal sealed class SliceEvents(IDocumentStore store, SliceFilter filter, ReportAt at)
{
    public async Task<long> Count(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "count(*)", ordered: false);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async IAsyncEnumerable<IEvent> Read(NpgsqlConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Command(connection, StoredEventRows.Columns, ordered: true);
        await foreach (var e in StoredEventRows.Read(store, command, cancellationToken))
        {
            yield return e;
        }
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, string columns, bool ordered)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder($"select {columns} from {LedgerStore.Schema}.mt_events where is_archived = false");
        if (filter.Streams is { } streams)
        {
            sql.Append(" and stream_id = any(@streams)");
            command.Parameters.AddWithValue("streams", streams.ToArray());
        }

        if (filter.Types is { } types)
        {
            sql.Append(" and type = any(@types)");
            command.Parameters.AddWithValue("types", types.Select(EventCatalogue.StoredNameOf).ToArray());
        }

        if (at.Sequence is { } sequence)
        {
            sql.Append(" and seq_id <= @sequence");
            command.Parameters.AddWithValue("sequence", sequence);
        }

        if (at.KnownAt is { } knownAt)
        {
            sql.Append(" and timestamp <= @knownAt");
            command.Parameters.AddWithValue("knownAt", knownAt.ToUniversalTime());
        }

        command.CommandText = sql.Append(ordered ? " order by seq_id" : "").ToString();
        return command;
    }
}
