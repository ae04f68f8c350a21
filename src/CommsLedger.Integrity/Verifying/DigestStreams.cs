using System.Data;
using System.Threading.Channels;
using CommsLedger.Integrity.Merkle;
using CommsLedger.Integrity.Storage;
using Npgsql;

namespace CommsLedger.Integrity.Verifying;

/// <summary>
/// Reads events on a thread and connection of their own, hashing as it goes, and hands them over in batches, so
/// that reading and hashing overlap with the merge: that is what lets verify keep up with PostgreSQL. Leaves,
/// 32-byte hashes, are read by the merging thread itself.
/// </summary>
internal static class DigestStreams
{
    private const int _batchSize = 1024;

    public static ChannelReader<EventDigest[]> Events(NpgsqlConnection connection, LedgerSchema schema, CancellationToken ct) =>
        Produce<EventDigest>(connection, StoredEvents.Select(schema, "ORDER BY seq_id"), () =>
        {
            var scratch = new byte[4096];
            return reader => StoredEvents.ReadDigest(reader, ref scratch);
        }, ct);

    /// <summary>Leaves are small: read on the merging thread itself, one row at a time.</summary>
    public static async Task<LeafCursor> LeavesAsync(NpgsqlConnection connection, LedgerSchema schema, CancellationToken ct)
    {
        var command = new NpgsqlCommand($"SELECT leaf_index, seq_id, leaf_hash FROM {schema.Leaves} ORDER BY leaf_index", connection);
        return new LeafCursor(command, await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct));
    }

    private static ChannelReader<T[]> Produce<T>(NpgsqlConnection connection, string sql, Func<Func<NpgsqlDataReader, T>> readerFactory, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        _ = Task.Run(async () =>
        {
            Exception? failure = null;
            try
            {
                await ReadAllAsync(connection, sql, readerFactory(), channel.Writer, ct);
            }
            catch (Exception e)
            {
                // Not swallowed: the merge rethrows it when it reads the channel.
                failure = e;
            }

            channel.Writer.TryComplete(failure);
        }, CancellationToken.None);
        return channel.Reader;
    }

    private static async Task ReadAllAsync<T>(
        NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, ChannelWriter<T[]> writer, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var batch = new List<T>(_batchSize);
        while (await reader.ReadAsync(ct))
        {
            batch.Add(read(reader));
            if (batch.Count == _batchSize)
            {
                await writer.WriteAsync([.. batch], ct);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await writer.WriteAsync([.. batch], ct);
        }
    }

    public sealed class LeafCursor(NpgsqlCommand command, NpgsqlDataReader reader) : IAsyncDisposable
    {
        public async ValueTask<LeafDigest?> NextAsync(CancellationToken ct) =>
            await reader.ReadAsync(ct)
                ? new LeafDigest(reader.GetInt64(0), reader.GetInt64(1), Hash256.FromBytes(reader.GetFieldValue<byte[]>(2)))
                : null;

        public async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
        }
    }

    /// <summary>Walks batches one item at a time.</summary>
    public sealed class Cursor<T>(ChannelReader<T[]> batches)
        where T : struct
    {
        private T[] _batch = [];
        private int _at;

        public async ValueTask<T?> NextAsync(CancellationToken ct)
        {
            while (_at == _batch.Length)
            {
                if (!await batches.WaitToReadAsync(ct))
                {
                    return null;
                }

                if (batches.TryRead(out var next))
                {
                    _batch = next;
                    _at = 0;
                }
            }

            return _batch[_at++];
        }
    }
}
