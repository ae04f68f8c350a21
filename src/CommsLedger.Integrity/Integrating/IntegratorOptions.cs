using CommsLedger.Integrity.Storage;

namespace CommsLedger.Integrity.Integrating;

public sealed record IntegratorOptions
{
    public LedgerSchema Schema { get; init; } = LedgerSchema.Default;

    /// <summary>Sign a checkpoint once this many leaves were added since the last one…</summary>
    public int CheckpointEveryEvents { get; init; } = 1000;

    /// <summary>…or once this much time has passed since the last one and at least one leaf was added.</summary>
    public TimeSpan CheckpointEvery { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Events read and integrated per transaction.</summary>
    public int BatchSize { get; init; } = 5000;

    /// <summary>Pause between rounds of <see cref="MerkleIntegrator.RunAsync"/> once caught up.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A hole in the sequence is skipped (taken as a failed append) only when every transaction that was running
    /// when the hole was first seen has ended and at least this long has passed. The wait covers the instant between
    /// an append taking its sequence number and its transaction getting an id.
    /// </summary>
    public TimeSpan GapGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How far an event's recorded time may go back from the event before it, or ahead of now, before the
    /// integrator reports it (<see cref="IntegrationResult.TimeAnomalies"/>).</summary>
    public TimeSpan ClockTolerance { get; init; } = Timing.RecordedTimeOrder.DefaultTolerance;
}
