using System.Text;
using CommsLedger.Projections.Search;
using Npgsql;

namespace CommsLedger.Application.History.Replaying;

/// <summary>The search projection's own statements (<see cref="SearchIndexSql"/>) sent many to a round trip, in order:
/// the replay check runs them over the whole log into a scratch table.</summary>
internal sealed class SearchIndexBatch(NpgsqlConnection connection, int size)
{
    private NpgsqlBatch _batch = new(connection);

    public async Task Add(IEnumerable<SearchSql> commands, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
        {
            _batch.BatchCommands.Add(Positional(command));
            if (_batch.BatchCommands.Count >= size)
            {
                await Flush(cancellationToken);
            }
        }
    }

    public async Task Flush(CancellationToken cancellationToken)
    {
        if (_batch.BatchCommands.Count > 0)
        {
            await using var sending = _batch;
            _batch = new NpgsqlBatch(connection);
            await sending.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Marten's <c>?</c> placeholders as Npgsql's positional <c>$n</c>.</summary>
    private static NpgsqlBatchCommand Positional(SearchSql command)
    {
        var sql = new StringBuilder(command.Sql.Length + 32);
        var n = 0;
        foreach (var c in command.Sql)
        {
            if (c == '?')
            {
                sql.Append('$').Append(++n);
            }
            else
            {
                sql.Append(c);
            }
        }

        var batchCommand = new NpgsqlBatchCommand(sql.ToString());
        foreach (var value in command.Parameters)
        {
            batchCommand.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return batchCommand;
    }
}
