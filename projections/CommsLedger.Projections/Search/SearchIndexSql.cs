using JasperFx.Events;

namespace CommsLedger.Projections.Search;

/// <summary>One SQL statement with its positional parameters (<c>?</c>), as Marten's QueueSqlCommand takes it.</summary>
public sealed record SearchSql(string Sql, object[] Parameters);

/// <summary>
/// The search index's changes (<see cref="SearchIndexChanges"/>) as SQL against <c>table</c>, for the live projection
/// and the replay check (against the index and against a scratch copy).
/// </summary>
public static class SearchIndexSql
{
    public const string Statement = "statement";
    public const string Commitment = "commitment";
    public const string Interaction = "interaction";

    public static IEnumerable<SearchSql> For(IEvent e, string table) => SearchIndexChanges.For(e).Select(change => change switch
    {
        NewSearchEntry x => Insert(table, x),
        NextSearchVersion x => Supersede(table, x),
        _ => throw new ArgumentOutOfRangeException(nameof(e), change, "not a search index change"),
    });

    private static (string Where, object[] Parameters) Where(SearchEntries which) => which.OwnEntriesOf
        ? ("interaction_id = ? and kind <> 'commitment'", [which.Id])
        : ("entry_id = ?", [which.Id]);

    private static SearchSql Insert(string table, NewSearchEntry entry)
    {
        var values = new List<string>();
        var parameters = new List<object>();
        foreach (var (name, type) in SearchEntriesTable.Columns)
        {
            switch (name)
            {
                case "occurred_on" when entry.OccurredFrom is { } interactionId:
                    // A statement occurred when its interaction did; the interaction's current row knows that date.
                    values.Add($"(select i.occurred_on from {table} i where i.entry_id = ? and i.known_until = 'infinity')");
                    parameters.Add(interactionId);
                    break;
                case "known_until": values.Add("'infinity'::timestamptz"); break;
                default:
                    values.Add($"?::{type}");
                    parameters.Add(SearchIndexRows.FirstVersion(entry, name) ?? DBNull.Value);
                    break;
            }
        }

        var columns = string.Join(", ", SearchEntriesTable.Columns.Select(c => c.Name));
        return new SearchSql($"insert into {table} ({columns}) values ({string.Join(", ", values)})", [.. parameters]);
    }

    private static SearchSql Supersede(string table, NextSearchVersion next)
    {
        var which = Where(next.Which);
        var select = new List<string>();
        var parameters = new List<object> { next.At };
        parameters.AddRange(which.Parameters);
        foreach (var (name, type) in SearchEntriesTable.Columns)
        {
            switch (name)
            {
                case "version": select.Add("version + 1"); break;
                case "known_from": select.Add("?::timestamptz"); parameters.Add(next.At); break;
                case "known_until": select.Add("'infinity'::timestamptz"); break;
                default:
                    if (next.Change.TryGetValue(name, out var value))
                    {
                        select.Add($"?::{type}");
                        parameters.Add(value ?? DBNull.Value);
                    }
                    else
                    {
                        select.Add(name);
                    }

                    break;
            }
        }

        var columns = string.Join(", ", SearchEntriesTable.Columns.Select(c => c.Name));
        return new SearchSql(
            $"with closed as (update {table} set known_until = ? where {which.Where} and known_until = 'infinity' returning *) "
            + $"insert into {table} ({columns}) select {string.Join(", ", select)} from closed",
            [.. parameters]);
    }
}
