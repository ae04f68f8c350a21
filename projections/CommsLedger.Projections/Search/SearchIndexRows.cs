using JasperFx.Events;

namespace CommsLedger.Projections.Search;

/// <summary>
/// The search index folded in memory from the same changes the live projection runs as SQL
/// (<see cref="SearchIndexChanges"/>), for a rebuild to write in bulk: each row its columns in the order of
/// <see cref="SearchEntriesTable.Columns"/>, a current row's <c>known_until</c> null (the table's 'infinity').
/// </summary>
public sealed class SearchIndexRows
{
    private static readonly Dictionary<string, int> _column =
        SearchEntriesTable.Columns.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);

    private static readonly int _entryId = _column["entry_id"], _version = _column["version"], _kind = _column["kind"],
        _interactionId = _column["interaction_id"], _occurredOn = _column["occurred_on"], _knownFrom = _column["known_from"], _knownUntil = _column["known_until"];

    private readonly Dictionary<Guid, object?[]> _current = [];
    private readonly Dictionary<Guid, List<Guid>> _ownEntries = [];

    /// <summary>Versions a later change closed.</summary>
    public List<object?[]> Closed { get; } = [];

    public IEnumerable<object?[]> Current => _current.Values;

    /// <summary>A first version's value of column <paramref name="name"/> (but a statement's <c>occurred_on</c>).</summary>
    public static object? FirstVersion(NewSearchEntry entry, string name) => name switch
    {
        "version" => 1,
        "retracted" => false,
        "known_from" => entry.At,
        _ => entry.Row.GetValueOrDefault(name),
    };

    public void Apply(IEvent e)
    {
        foreach (var change in SearchIndexChanges.For(e))
        {
            switch (change)
            {
                case NewSearchEntry x: Insert(x); break;
                case NextSearchVersion x: Supersede(x); break;
            }
        }
    }

    private void Insert(NewSearchEntry entry)
    {
        var row = SearchEntriesTable.Columns.Select(c => c.Name switch
        {
            "occurred_on" when entry.OccurredFrom is { } interaction => _current.GetValueOrDefault(interaction)?[_occurredOn],
            "known_until" => null,
            var name => FirstVersion(entry, name),
        }).ToArray();
        var id = (Guid)row[_entryId]!;
        _current[id] = row;
        if ((string)row[_kind]! != SearchIndexSql.Commitment)
        {
            var interaction = (Guid)row[_interactionId]!;
            (_ownEntries.TryGetValue(interaction, out var own) ? own : _ownEntries[interaction] = []).Add(id);
        }
    }

    private void Supersede(NextSearchVersion next)
    {
        IEnumerable<Guid> which = next.Which.OwnEntriesOf
            ? _ownEntries.GetValueOrDefault(next.Which.Id) ?? []
            : _current.ContainsKey(next.Which.Id) ? [next.Which.Id] : [];
        foreach (var id in which)
        {
            var before = _current[id];
            var after = (object?[])before.Clone();
            before[_knownUntil] = next.At;
            Closed.Add(before);
            after[_version] = (int)after[_version]! + 1;
            after[_knownFrom] = next.At;
            foreach (var (name, value) in next.Change)
            {
                after[_column[name]] = value;
            }

            _current[id] = after;
        }
    }
}
