using System.Data;
using Npgsql;

namespace CommsLedger.Integrity.Storage;

/// <summary>One query's rows read one at a time, so two ordered streams can be merged without buffering either.</summary>
internal sealed class RowStream<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read) : IAsyncDisposable
    where T : class
{
    private NpgsqlDataReader? _reader;

    public async Task<T?> NextAsync(CancellationToken ct)
    {
        _reader ??= await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        return await _reader.ReadAsync(ct) ? read(_reader) : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }

        await command.DisposeAsync();
    }
}
