using System.Linq.Expressions;
using CommsLedger.Domain.Shared;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace CommsLedger.Application.Storage;

/// <summary>Rows of <c>mt_events</c> read with one plain SQL statement and deserialised by the store's own serializer
/// into the events Marten would give, row by row as PostgreSQL sends them: Marten's LINQ pages of events cost several
/// times as much per row, and a report or a rebuild reads the whole ledger. Of the headers only the classification is
/// read: it is the only one a report or a read model looks at.</summary>
internal static class StoredEventRows
{
    /// <summary>The columns <see cref="Read"/> expects, in this order.</summary>
    public const string Columns = $"seq_id, id, stream_id, version, type, data, timestamp, user_name, headers ->> '{LedgerStore.ClassificationHeader}'";

    /// <summary>What Marten appends under sequence numbers a failed save took (so they are not left as holes): no
    /// event of ours, nothing for a read model.</summary>
    private const string MartenTombstone = "tombstone";

    private static readonly IReadOnlyDictionary<string, (Type Type, Func<object, IEvent> Wrap)> _types =
        EventCatalogue.StoredNames.ToDictionary(p => p.Value, p => (p.Key, Wrapper(p.Key)));

    public static async IAsyncEnumerable<IEvent> Read(IDocumentStore store, NpgsqlCommand command,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var serializer = store.Options.Serializer();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(4);
            if (name == MartenTombstone)
            {
                continue;
            }

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
}
