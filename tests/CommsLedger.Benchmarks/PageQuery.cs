using System.Diagnostics;
using System.Text;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Shared;
using Marten;

namespace CommsLedger.Benchmarks;

/// <summary>
/// The page query of Marten's projection daemon (its <c>EventLoader</c>: the events of a sequence range of the types a
/// projection reads, joined to their streams, in sequence order, one page), EXPLAINed with ANALYZE halfway through the
/// log: the plan PostgreSQL picks and what one page costs.
/// </summary>
public static class PageQuery
{
    private const int _pageSize = 500;

    public static async Task<string> Explain(IDocumentStore store, string when)
    {
        await using var session = store.QuerySession();
        var highest = (await session.AdvancedSql.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {LedgerStore.Schema}.mt_events", CancellationToken.None)).Single();
        var types = EventCatalogue.StoredNames.Values.ToArray();
        await using var command = new Npgsql.NpgsqlCommand(
            "explain (analyze, costs off, timing off, summary on) "
            + "select d.seq_id, d.id, d.stream_id, d.version, d.data, d.type, d.timestamp, d.tenant_id, d.mt_dotnet_type, "
            + "d.correlation_id, d.causation_id, d.headers, d.user_name, d.is_archived, s.type as stream_type "
            + $"from {LedgerStore.Schema}.mt_events as d inner join {LedgerStore.Schema}.mt_streams as s on d.stream_id = s.id "
            + $"where d.seq_id > $1 and d.seq_id <= $2 and d.type = any($3) order by d.seq_id limit {_pageSize}");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = highest / 2 });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = highest });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = types });
        var clock = Stopwatch.StartNew();
        var plan = new StringBuilder($"daemon page query ({_pageSize} events from the middle of {highest:N0}), {when}:\n");
        await using (var reader = await session.ExecuteReaderAsync(command, CancellationToken.None))
        {
            while (await reader.ReadAsync())
            {
                plan.Append("    ").AppendLine(reader.GetString(0));
            }
        }

        return plan.Append($"    (round trip {clock.Elapsed.TotalMilliseconds:N0} ms)").ToString();
    }
}
