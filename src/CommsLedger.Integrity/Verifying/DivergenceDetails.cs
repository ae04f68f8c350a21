using CommsLedger.Integrity.Leaves;
using CommsLedger.Integrity.Merkle;
using CommsLedger.Integrity.Storage;
using Npgsql;

namespace CommsLedger.Integrity.Verifying;

/// <summary>
/// Fills in what the streaming pass only knows by hash: for a changed event, which fields differ (by decoding the
/// leaf bytes stored beside the hash); for a missing event, which stream and event the log recorded there.
/// Runs in the verifier's snapshot, once per divergence.
/// </summary>
internal sealed class DivergenceDetails(NpgsqlConnection connection, LedgerSchema schema)
{
    public async Task<Divergence> DescribeAsync(Divergence divergence, CancellationToken ct) => divergence.Kind switch
    {
        DivergenceKind.EventChanged => await ChangedAsync(divergence, ct),
        DivergenceKind.EventMissing => await MissingAsync(divergence, ct),
        _ => divergence,
    };

    private async Task<Divergence> ChangedAsync(Divergence divergence, CancellationToken ct)
    {
        var recorded = await RecordedAsync(divergence.LeafIndex!.Value, ct);
        var current = await CurrentAsync(divergence.Sequence!.Value, ct);
        if (recorded is null || current is null)
        {
            return divergence with { Message = divergence.Message + " The leaf row's stored bytes do not match its hash either, so the changed fields cannot be named." };
        }

        var fields = EnvelopeComparison.DifferingFields(recorded.Value, (current.Envelope, current.PayloadHash));
        var envelope = recorded.Value.Envelope;
        return divergence with
        {
            Message = $"Event at sequence {divergence.Sequence} (leaf {divergence.LeafIndex}, stream {envelope.StreamId}, event {envelope.EventId}) differs from the log in: {string.Join(", ", fields)}.",
            StreamId = envelope.StreamId,
            EventId = envelope.EventId,
            Fields = fields,
        };
    }

    private async Task<Divergence> MissingAsync(Divergence divergence, CancellationToken ct)
    {
        if (await RecordedAsync(divergence.LeafIndex!.Value, ct) is not { Envelope: var envelope })
        {
            return divergence;
        }

        return divergence with
        {
            Message = $"The log has leaf {divergence.LeafIndex} for sequence {divergence.Sequence} (stream {envelope.StreamId}, event {envelope.EventId}, {envelope.EventType}), but mt_events has no event with that sequence: it was deleted or renumbered.",
            StreamId = envelope.StreamId,
            EventId = envelope.EventId,
        };
    }

    /// <summary>The envelope the log recorded, if the leaf row's bytes still hash to its stored hash.</summary>
    private async Task<(EventEnvelope Envelope, Hash256 PayloadHash)?> RecordedAsync(long leafIndex, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT leaf_data, leaf_hash FROM {schema.Leaves} WHERE leaf_index = $1", connection)
        {
            Parameters = { new() { Value = leafIndex } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var data = reader.GetFieldValue<byte[]>(0);
        if (!TreeHashing.HashLeaf(data).Bytes.SequenceEqual(reader.GetFieldValue<byte[]>(1)))
        {
            return null;
        }

        try
        {
            return LeafEncoding.Decode(data);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task<StoredEvent?> CurrentAsync(long sequence, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(StoredEvents.Select(schema, "WHERE seq_id = $1"), connection)
        {
            Parameters = { new() { Value = sequence } },
        };
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        return await reader.ReadAsync(ct) ? StoredEvents.Read(reader) : null;
    }
}
