using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Timing;

namespace CommsLedger.Integrity.Integrating;

/// <param name="LeavesAdded">Leaves appended by this round.</param>
/// <param name="TreeSize">Leaves in the log after the round.</param>
/// <param name="LastSequence">Highest <c>seq_id</c> in the log after the round (0 when empty).</param>
/// <param name="Checkpoint">The checkpoint signed by this round, if one was due.</param>
/// <param name="WaitingForSequence">The missing sequence number the log is waiting on, if a hole stopped it.</param>
/// <param name="Busy">Another integrator held the lock; nothing was done.</param>
public sealed record IntegrationResult(
    long LeavesAdded, long TreeSize, long LastSequence, Checkpoint? Checkpoint, long? WaitingForSequence, bool Busy = false)
{
    /// <summary>Events integrated whose recorded time goes back from the event before them, or lies ahead of now.</summary>
    public IReadOnlyList<TimeAnomaly> TimeAnomalies { get; init; } = [];
}
