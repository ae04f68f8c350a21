namespace CommsLedger.Application;

/// <summary>The ledger's one clock is the <see cref="TimeProvider"/> that <see cref="LedgerServices.AddLedger"/>
/// registers; every edge and handler reads it, never the system clock directly.</summary>
public static class LedgerClock
{
    /// <summary>Today by the ledger's calendar, UTC.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
