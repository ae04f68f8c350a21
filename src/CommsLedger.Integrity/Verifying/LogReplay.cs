using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Merkle;
using CommsLedger.Integrity.Storage;
using CommsLedger.Integrity.Timing;

namespace CommsLedger.Integrity.Verifying;

/// <summary>
/// Rebuilds the log from the events, one position at a time, comparing each event's leaf hash with the stored one
/// and each recomputed root with the checkpoints that signed it. Knows nothing of the database; which fields of a
/// changed event differ is worked out afterwards, for the few events that need it (<see cref="DivergenceDetails"/>).
/// </summary>
internal sealed class LogReplay(
    IReadOnlyList<CheckpointClaim> claims, Checkpoint? against, long lastLeafSequence, int maxDivergences, LeafHashList? collectedLeaves, RecordedTimeOrder times)
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

    public void Match(EventDigest stored, LeafDigest leaf)
    {
        EventsRead++;
        CheckLeafRow(leaf);
        if (stored.LeafHash != leaf.LeafHash)
        {
            Report(new Divergence(
                DivergenceKind.EventChanged,
                $"Event at sequence {leaf.Sequence} (leaf {leaf.LeafIndex}, stream {stored.StreamId}) differs from the log.",
                Sequence: leaf.Sequence,
                LeafIndex: leaf.LeafIndex,
                StreamId: stored.StreamId,
                EventId: stored.EventId));
        }

        CheckTime(stored);
        Append(stored.LeafHash);
    }

    public void LeafWithoutEvent(LeafDigest leaf)
    {
        CheckLeafRow(leaf);
        Report(new Divergence(
            DivergenceKind.EventMissing,
            $"The log has leaf {leaf.LeafIndex} for sequence {leaf.Sequence}, but mt_events has no event with that sequence: it was deleted or renumbered.",
            Sequence: leaf.Sequence,
            LeafIndex: leaf.LeafIndex));
        Append(leaf.LeafHash);
    }

    public void EventWithoutLeaf(EventDigest stored)
    {
        EventsRead++;
        if (stored.Sequence > lastLeafSequence)
        {
            PendingEvents++;
        }
        else
        {
            Report(new Divergence(
                DivergenceKind.EventNotInLog,
                $"Event at sequence {stored.Sequence} (stream {stored.StreamId}, event {stored.EventId}) is not in the log although later events are: it was inserted after the fact.",
                Sequence: stored.Sequence,
                StreamId: stored.StreamId,
                EventId: stored.EventId));
        }

        CheckTime(stored);
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

    private void CheckTime(EventDigest stored)
    {
        if (times.Next(stored.Sequence, stored.EventId, stored.StreamId, stored.RecordedAt) is { } anomaly)
        {
            Report(new Divergence(
                anomaly.InFuture ? DivergenceKind.RecordedInFuture : DivergenceKind.RecordedTimeGoesBack,
                anomaly.Message,
                Sequence: anomaly.Sequence,
                StreamId: anomaly.StreamId,
                EventId: anomaly.EventId));
        }
    }

    private void CheckLeafRow(LeafDigest leaf)
    {
        var problem = leaf.LeafIndex != _frontier.Size
            ? $"leaf index {leaf.LeafIndex} where {_frontier.Size} was expected (leaf rows were removed or renumbered)"
            : leaf.Sequence <= _previousLeafSequence
                ? $"its sequence {leaf.Sequence} does not follow the previous leaf's {_previousLeafSequence}"
                : null;
        _previousLeafSequence = Math.Max(_previousLeafSequence, leaf.Sequence);
        if (problem is not null)
        {
            Report(new Divergence(
                DivergenceKind.LeafCorrupted,
                $"Leaf row {leaf.LeafIndex} (sequence {leaf.Sequence}) is out of place: {problem}.",
                Sequence: leaf.Sequence,
                LeafIndex: leaf.LeafIndex));
        }
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
