using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Shared;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace CommsLedger.Application.Reports.Position;

/// <summary>Reads a report's events in sequence order with one SQL statement over the columns a report uses, row by
/// row as PostgreSQL sends them, deserialised by the store's own serializer into the events Marten would give. Marten's
/// LINQ pages of events cost several times as much per row and, ordered by sequence with a type filter, each page
/// re-read the ledger before it; a report over the whole ledger reads hundreds of thousands of events. Of the headers
/// only the classification is read: it is the only one a report looks at.</summary>
internal sealed class SliceEvents(IDocumentStore store, SliceFilter filter, ReportAt at)
{
    private static readonly IReadOnlyDictionary<string, (Type Type, Func<object, IEvent> Wrap)> _types =
        EventCatalogue.StoredNames.ToDictionary(p => p.Value, p => (p.Key, Wrapper(p.Key)));

    private const string Columns = $"seq_id, id, stream_id, version, type, data, timestamp, user_name, headers ->> '{LedgerStore.ClassificationHeader}'";

    public async Task<long> Count(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "count(*)", ordered: false);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async IAsyncEnumerable<IEvent> Read(NpgsqlConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var serializer = store.Options.Serializer();
        await using var command = Command(connection, Columns, ordered: true);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(4);
            var (type, wrap) = _types.TryGetValue(name, out var known)
                ? known
                : throw new InvalidOperationException($"event {reader.GetInt64(0)} has the unknown type '{name}'");
            var e = wrap(serializer.FromJson(type, reader, 5));
            e.Sequence = reader.GetInt64(0);
            e.Id = reader.GetGuid(1);
            e.StreamId = reader.GetGuid(2);
            e.Version = reader.GetInt64(3);
            e.EventTypeName = name;
            e.DotNetTypeName = type.FullName!;
            e.Timestamp = reader.GetFieldValue<DateTimeOffset>(6);
            e.UserName = reader.IsDBNull(7) ? null : reader.GetString(7);
            e.Headers = reader.IsDBNull(8) ? null : new Dictionary<string, object> { [LedgerStore.ClassificationHeader] = reader.GetString(8) };
            yield return e;
        }
    }

    /// <summary>A typed <see cref="Event{T}"/> around the data, as Marten's reader makes; compiled once per type.</summary>
    private static Func<object, IEvent> Wrapper(Type type)
    {
        var data = Expression.Parameter(typeof(object));
        var constructor = typeof(Event<>).MakeGenericType(type).GetConstructor([type])!;
        return Expression.Lambda<Func<object, IEvent>>(Expression.New(constructor, Expression.Convert(data, type)), data).Compile();
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
