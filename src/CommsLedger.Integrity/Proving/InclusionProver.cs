using CommsLedger.Integrity.Leaves;
using CommsLedger.Integrity.Merkle;
using CommsLedger.Integrity.Storage;
using Npgsql;

namespace CommsLedger.Integrity.Proving;

/// <summary>
/// <c>commsledger prove &lt;event id&gt;</c>: builds the inclusion proof of one event against the latest signed
/// checkpoint. Refuses when the event as stored no longer matches its leaf, or the stored leaves no longer give
/// the signed root: a proof is only ever written for a log that is intact along its path.
/// </summary>
public sealed class InclusionProver(NpgsqlDataSource dataSource, LedgerSchema schema)
{
    public async Task<InclusionProof> ProveAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);

        var leaf = await FindLeafAsync(connection, eventId, ct)
                   ?? throw new ProofUnavailableException($"Event {eventId} is not in the log (unknown, or not integrated yet).");
        var checkpoint = await StoredCheckpoints.LatestAsync(connection, schema, ct);
        if (checkpoint is null || checkpoint.TreeSize <= leaf.LeafIndex)
        {
            throw new ProofUnavailableException(
                $"Event {eventId} is leaf {leaf.LeafIndex}, which no signed checkpoint covers yet; sign one first (the integrator does so every few seconds).");
        }

        var stored = await ReadEventAsync(connection, leaf.Sequence, ct)
                     ?? throw new ProofUnavailableException($"The log has event {eventId} at sequence {leaf.Sequence}, but mt_events no longer does.");
        var leafData = stored.LeafData();
        if (!leafData.AsSpan().SequenceEqual(leaf.LeafData))
        {
            var fields = EnvelopeComparison.DifferingFields(LeafEncoding.Decode(leaf.LeafData), (stored.Envelope, stored.PayloadHash));
            throw new ProofUnavailableException($"Event {eventId} at sequence {leaf.Sequence} no longer matches its leaf ({string.Join(", ", fields)}); run 'verify'.");
        }

        var leaves = await StoredLeaves.HashesAsync(connection, schema, checkpoint.TreeSize, ct);
        if (leaves.Count < checkpoint.TreeSize || MerkleTree.RootHash(leaves, checkpoint.TreeSize) != checkpoint.RootHash)
        {
            throw new ProofUnavailableException($"The stored leaves no longer give the root signed at tree size {checkpoint.TreeSize}; run 'verify'.");
        }

        return new InclusionProof(
            stored.Envelope,
            stored.Json,
            stored.Binary,
            stored.PayloadHash,
            leaf.LeafIndex,
            checkpoint.TreeSize,
            MerkleTree.InclusionProof(leaves, leaf.LeafIndex, checkpoint.TreeSize),
            checkpoint);
    }

    private async Task<StoredLeaf?> FindLeafAsync(NpgsqlConnection connection, Guid eventId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(StoredLeaf.Select(schema, "WHERE event_id = $1 ORDER BY leaf_index LIMIT 1"), connection)
        {
            Parameters = { new() { Value = eventId } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? StoredLeaf.Read(reader) : null;
    }

    private async Task<StoredEvent?> ReadEventAsync(NpgsqlConnection connection, long sequence, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(StoredEvents.Select(schema, "WHERE seq_id = $1"), connection)
        {
            Parameters = { new() { Value = sequence } },
        };
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        return await reader.ReadAsync(ct) ? StoredEvents.Read(reader) : null;
    }
}

/// <summary>No proof can be written for this event now; the message says why and what to do.</summary>
public sealed class ProofUnavailableException(string message) : Exception(message);
