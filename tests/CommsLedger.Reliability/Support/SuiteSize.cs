namespace CommsLedger.Reliability.Support;

/// <summary>How big each part of the suite runs: reduced in CI (the default), full with <c>COMMSLEDGER_RELIABILITY=full</c>.</summary>
/// <param name="Writers">Concurrent writers of the storm.</param>
/// <param name="Storm">How long the storm blows.</param>
/// <param name="MalformedRequests">Requests the bad-input generator sends.</param>
/// <param name="Racers">Concurrent requests sharing one Idempotency-Key.</param>
/// <param name="CrashWriters">Writers kept going while a process is killed.</param>
/// <param name="CrashLoad">How long they write, the kill falling a third of the way in.</param>
public sealed record SuiteSize(string Name, int Writers, TimeSpan Storm, int MalformedRequests, int Racers, int CrashWriters, TimeSpan CrashLoad)
{
    public const string Variable = "COMMSLEDGER_RELIABILITY";

    public static readonly SuiteSize Ci = new("ci", 8, TimeSpan.FromSeconds(15), 2_000, 16, 4, TimeSpan.FromSeconds(12));

    public static readonly SuiteSize Full = new("full", 32, TimeSpan.FromSeconds(60), 10_000, 64, 16, TimeSpan.FromSeconds(45));

    public static SuiteSize Current { get; } = Environment.GetEnvironmentVariable(Variable) is "full" ? Full : Ci;
}
