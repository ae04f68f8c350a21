using JasperFx.Events;

namespace CommsLedger.Projections.Relationships;

/// <summary>
/// The one fold of the relationship read model: each event goes to every relationship it counts towards
/// (<see cref="Domain.Shared.IRelationshipEvent"/>), takes the next position there, changes at most one row — the
/// counters follow the row: what the old version counted is taken away, what the new one counts is added — and the
/// latest items. The live projection, a rebuild, the in-memory replay and time travel all run this, over
/// <see cref="RelationshipDocuments"/> holding whatever rows they loaded.
/// </summary>
public static class RelationshipFold
{
    /// <summary>A checkpoint of the ledger is kept after every this many of a relationship's events.</summary>
    public const int CheckpointEvery = 2000;

    public static IReadOnlyList<string> KeysOf(object data) => data is Domain.Shared.IRelationshipEvent e ? e.Relationships : [];

    public static void Apply(RelationshipDocuments documents, IEvent e)
    {
        foreach (var key in KeysOf(e.Data))
        {
            Apply(documents, key, e);
        }
    }

    public static void Apply(RelationshipDocuments documents, string key, IEvent e)
    {
        var ledger = documents.Ledger(key);
        var position = ++ledger.Position;
        if (documents.KeepsHistory)
        {
            documents.Positions.Add(new RelationshipEventPosition(key, position, e.StreamId, e.Version, e.RecordedAt()));
        }

        if (RelationshipRow.ChangedBy(e.Data) is { } changed)
        {
            var id = RelationshipRow.CurrentId(key, changed.EntryId);
            var before = documents.Row(id);
            var after = RelationshipRow.Next(before, key, e.Data);
            if (!Equals(before, after))
            {
                ledger.Count(before, -1);
                ledger.Count(after, +1);
                documents.Replace(id, before, after, position);
            }
        }

        ledger.Apply(e.Data);
        if (documents.KeepsHistory && position % CheckpointEvery == 0)
        {
            documents.Checkpoints.Add(RelationshipCheckpoint.Of(ledger));
        }
    }
}

/// <summary>The documents a fold reads and writes: ledgers by key and current rows by id (a row that is not there does
/// not exist), and — when it <see cref="KeepsHistory"/>, as the projection does — what the fold produced besides:
/// earlier versions of rows, checkpoints, event positions. A replay that only reads the result keeps none of them.</summary>
public sealed class RelationshipDocuments(bool keepsHistory = true)
{
    private readonly Dictionary<string, RelationshipRow?> _rows = new(StringComparer.Ordinal);

    public bool KeepsHistory { get; } = keepsHistory;

    public Dictionary<string, RelationshipLedger> Ledgers { get; } = new(StringComparer.Ordinal);

    /// <summary>The current rows by id; null for a row this fold closed.</summary>
    public IReadOnlyDictionary<string, RelationshipRow?> Rows => _rows;

    /// <summary>Versions the fold replaced, each closed at the position that replaced it.</summary>
    public List<RelationshipRow> Earlier { get; } = [];

    public List<RelationshipCheckpoint> Checkpoints { get; } = [];

    public List<RelationshipEventPosition> Positions { get; } = [];

    /// <summary>The ids of the rows the fold changed, with their type, for writing back.</summary>
    public Dictionary<string, Type> Changed { get; } = new(StringComparer.Ordinal);

    public RelationshipLedger Ledger(string key) =>
        Ledgers.TryGetValue(key, out var ledger) ? ledger : Ledgers[key] = new RelationshipLedger { Id = key };

    public RelationshipRow? Row(string id) => _rows.GetValueOrDefault(id);

    /// <summary>A row as loaded, under its current id whatever version it is.</summary>
    public void Load(RelationshipRow row) => _rows[RelationshipRow.CurrentId(row.Key, row.EntryId)] = row;

    public IEnumerable<T> Current<T>()
        where T : RelationshipRow => _rows.Values.OfType<T>();

    public void Replace(string id, RelationshipRow? before, RelationshipRow? after, long position)
    {
        if (KeepsHistory && before is not null)
        {
            Earlier.Add(before with { Id = $"{id}/{before.FromPosition}", UntilPosition = position });
        }

        _rows[id] = after is null ? null : after with { Id = id, FromPosition = position, UntilPosition = null };
        Changed[id] = (before ?? after)!.GetType();
    }
}

/// <summary>Where one of a relationship's events is in the ledger: its position there, and its stream and version
/// (the event table's own key) — the index time travel and history read the relationship's events through.</summary>
public sealed record RelationshipEventPosition(string Key, long Position, Guid StreamId, long Version, DateTimeOffset RecordedAt);
