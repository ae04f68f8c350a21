using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Leaves;
using CommsLedger.Integrity.Merkle;
using CommsLedger.Integrity.Storage;

namespace CommsLedger.Integrity.Verifying;

/// <summary>
/// Rebuilds the log from the events, one position at a time, comparing each event with its stored leaf and
/// each recomputed root with the checkpoints that signed it. Knows nothing of the database.
/// </summary>
internal sealed class LogReplay(
    IReadOnlyList<CheckpointClaim> claims, Checkpoint? against, long lastLeafSequence, int maxDivergences, LeafHashList? collectedLeaves)
{
    private readonly List<Divergence> _divergences = [];
    private readonly MerkleFrontier _frontier = new();
    private int _nextClaim;
    private long _lastGoodCheckpointSize;
    private long _previousLeafSequence;

    public long EventsRead { get; private set; }

    public long PendingEvents { get; private set; }

    public Checkpoint? LatestGoodCheckpoint { get; private set; }

    public int CheckpointsVerified { get; private set; }

    public Hash256? AgainstRootRecomputed { get; private set; }

    public MerkleFrontier Frontier => _frontier;

    public IReadOnlyList<Divergence> Divergences => _divergences;

    public void Match(StoredEvent stored, StoredLeaf leaf)
    {
        EventsRead++;
        if (CheckLeafRow(leaf) is not { } recorded)
        {
            Append(TreeHashing.HashLeaf(stored.LeafData()));
            return;
        }

        var leafData = stored.LeafData();
        if (!leafData.AsSpan().SequenceEqual(leaf.LeafData))
        {
            var fields = EnvelopeComparison.DifferingFields(recorded, (stored.Envelope, stored.PayloadHash));
            Report(new Divergence(
                DivergenceKind.EventChanged,
                $"Event at sequence {leaf.Sequence} (leaf {leaf.LeafIndex}, stream {recorded.Envelope.StreamId}) differs from the log in: {string.Join(", ", fields)}.",
                Sequence: leaf.Sequence,
                LeafIndex: leaf.LeafIndex,
                StreamId: recorded.Envelope.StreamId,
                EventId: recorded.Envelope.EventId,
                Fields: fields));
        }

        Append(TreeHashing.HashLeaf(leafData));
    }

    public void LeafWithoutEvent(StoredLeaf leaf)
    {
        var recorded = CheckLeafRow(leaf);
        Report(new Divergence(
            DivergenceKind.EventMissing,
            $"The log has leaf {leaf.LeafIndex} for sequence {leaf.Sequence} (stream {recorded?.Envelope.StreamId.ToString() ?? "unknown"}), but mt_events has no event with that sequence: it was deleted or renumbered.",
            Sequence: leaf.Sequence,
            LeafIndex: leaf.LeafIndex,
            StreamId: recorded?.Envelope.StreamId,
            EventId: leaf.EventId));
        Append(Hash256.FromBytes(leaf.LeafHash));
    }

    public void EventWithoutLeaf(StoredEvent stored)
    {
        EventsRead++;
        var envelope = stored.Envelope;
        if (envelope.Sequence > lastLeafSequence)
        {
            PendingEvents++;
            return;
        }

        Report(new Divergence(
            DivergenceKind.EventNotInLog,
            $"Event at sequence {envelope.Sequence} (stream {envelope.StreamId}, event {envelope.EventId}) is not in the log although later events are: it was inserted after the fact.",
            Sequence: envelope.Sequence,
            StreamId: envelope.StreamId,
            EventId: envelope.EventId));
    }

    public void Finish()
    {
        for (; _nextClaim < claims.Count; _nextClaim++)
        {
            var claim = claims[_nextClaim];
            Report(new Divergence(
                DivergenceKind.CheckpointBeyondLog,
                $"A checkpoint signed a log of {claim.TreeSize} leaves, but only {_frontier.Size} can be rebuilt: leaves from {_frontier.Size} on were removed.",
                LeafIndex: _frontier.Size,
                TreeSize: claim.TreeSize));
        }
    }

    private (EventEnvelope Envelope, Hash256 PayloadHash)? CheckLeafRow(StoredLeaf leaf)
    {
        string? problem = null;
        (EventEnvelope Envelope, Hash256 PayloadHash)? recorded = null;
        if (leaf.LeafIndex != _frontier.Size)
        {
            problem = $"leaf index {leaf.LeafIndex} where {_frontier.Size} was expected (leaf rows were removed or renumbered)";
        }
        else if (leaf.Sequence <= _previousLeafSequence)
        {
            problem = $"its sequence {leaf.Sequence} does not follow the previous leaf's {_previousLeafSequence}";
        }
        else if (!TreeHashing.HashLeaf(leaf.LeafData).Bytes.SequenceEqual(leaf.LeafHash))
        {
            problem = "its stored hash is not the hash of its stored bytes";
        }
        else
        {
            try
            {
                recorded = LeafEncoding.Decode(leaf.LeafData);
                if (recorded.Value.Envelope.Sequence != leaf.Sequence || recorded.Value.Envelope.EventId != leaf.EventId)
                {
                    problem = "its sequence or event id columns disagree with its bytes";
                }
            }
            catch (FormatException e)
            {
                problem = $"its bytes do not decode ({e.Message})";
            }
        }

        _previousLeafSequence = Math.Max(_previousLeafSequence, leaf.Sequence);
        if (problem is null)
        {
            return recorded;
        }

        Report(new Divergence(
            DivergenceKind.LeafCorrupted,
            $"Leaf row {leaf.LeafIndex} (sequence {leaf.Sequence}) is corrupt: {problem}.",
            Sequence: leaf.Sequence,
            LeafIndex: leaf.LeafIndex,
            EventId: leaf.EventId));
        return null;
    }

    private void Append(Hash256 leafHash)
    {
        _frontier.Append(leafHash);
        collectedLeaves?.Add(leafHash);
        if (against is not null && _frontier.Size == against.TreeSize)
        {
            AgainstRootRecomputed = _frontier.RootHash();
        }

        while (_nextClaim < claims.Count && claims[_nextClaim].TreeSize <= _frontier.Size)
        {
            CheckClaim(claims[_nextClaim++]);
        }
    }

    private void CheckClaim(CheckpointClaim claim)
    {
        var range = $"the rewrite lies in leaves [{_lastGoodCheckpointSize}, {claim.TreeSize})";
        if (claim.Problem is not null)
        {
            Report(new Divergence(
                DivergenceKind.CheckpointSignatureInvalid,
                $"The checkpoint at tree size {claim.TreeSize} is not genuine: {claim.Problem}; {range}.",
                LeafIndex: _lastGoodCheckpointSize,
                TreeSize: claim.TreeSize));
            return;
        }

        var root = _frontier.RootHash();
        if (root != claim.Checkpoint!.RootHash)
        {
            Report(new Divergence(
                DivergenceKind.CheckpointRootMismatch,
                $"The root rebuilt from the events at tree size {claim.TreeSize} is {root}, but the checkpoint signed {claim.Checkpoint.RootHash}; {range}.",
                LeafIndex: _lastGoodCheckpointSize,
                TreeSize: claim.TreeSize));
            return;
        }

        CheckpointsVerified++;
        LatestGoodCheckpoint = claim.Checkpoint;
        _lastGoodCheckpointSize = claim.TreeSize;
    }

    private void Report(Divergence divergence)
    {
        if (_divergences.Count < maxDivergences)
        {
            _divergences.Add(divergence);
        }
    }
}
