using Marten;
using Weasel.Postgresql.Tables;

namespace CommsLedger.Projections.Relationships;

/// <summary>Every event of a relationship in order: its position there and its stream and version (the key of
/// <c>mt_events</c>). A relationship's events after a checkpoint, or up to a moment, are an index range here and a
/// primary-key lookup there, however large the ledger around them.</summary>
public static class RelationshipEventsTable
{
    public const string Name = "relationship_events";

    public static Table Define(string schema)
    {
        var table = new Table(new Weasel.Postgresql.PostgresqlObjectName(schema, Name, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn("key", "varchar").AsPrimaryKey();
        table.AddColumn("position", "bigint").AsPrimaryKey();
        table.AddColumn("stream_id", "uuid").NotNull();
        table.AddColumn("version", "bigint").NotNull();
        table.AddColumn("recorded_at", "timestamptz").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_relationship_events_recorded") { Columns = ["key", "recorded_at", "position"] });
        return table;
    }

    /// <summary>One statement for a batch's positions, whatever their number.</summary>
    public static void Insert(IDocumentOperations operations, string schema, IReadOnlyList<RelationshipEventPosition> positions)
    {
        if (positions.Count == 0)
        {
            return;
        }

        operations.QueueSqlCommand(
            $"insert into {schema}.{Name} (key, position, stream_id, version, recorded_at) "
            + "select * from unnest(?::varchar[], ?::bigint[], ?::uuid[], ?::bigint[], ?::timestamptz[])",
            positions.Select(p => p.Key).ToArray(),
            positions.Select(p => p.Position).ToArray(),
            positions.Select(p => p.StreamId).ToArray(),
            positions.Select(p => p.Version).ToArray(),
            positions.Select(p => p.RecordedAt.ToUniversalTime()).ToArray());
    }
}
