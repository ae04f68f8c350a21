using Marten;

namespace CommsLedger.Application.Storage;

/// <summary>
/// PostgreSQL plans from table statistics, and a bulk COPY leaves none for the rows it wrote: until autovacuum gets
/// round to it, every page the projection daemon reads is planned as if the event table were empty (a hash join over
/// every stream and a sort of the rest of the table, about 200 ms a page at a million events against 1 ms once
/// analysed). So whoever writes in bulk, or is about to read everything, refreshes them first.
/// </summary>
public static class TableStatistics
{
    /// <summary>ANALYZE every table of the ledger's schema (events, streams, read models). A role that does not own a
    /// table gets a warning from PostgreSQL for it, not an error.</summary>
    public static async Task Refresh(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var tables = await session.AdvancedSql.QueryAsync<string>(
            "select format('%I.%I', schemaname, tablename) from pg_tables where schemaname = ?", cancellationToken, LedgerStore.Schema);
        await Refresh(store, tables, cancellationToken);
    }

    /// <summary>ANALYZE just these tables (qualified names).</summary>
    public static async Task Refresh(IDocumentStore store, IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        if (tables.Count > 0)
        {
            await using var session = store.QuerySession();
            await using var command = new Npgsql.NpgsqlCommand("analyze " + string.Join(", ", tables));
            await session.ExecuteAsync(command, cancellationToken);
        }
    }
}
