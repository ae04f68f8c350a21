using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommsLedger.Application.Observability;

/// <summary>The ledger's own traces and metrics, under one name (<see cref="Name"/>) that an OpenTelemetry set-up
/// subscribes to. Everything else (HTTP, Npgsql) comes from their own instrumentation.</summary>
public static class LedgerTelemetry
{
    public const string Name = "CommsLedger";

    public const string CorrelationTag = "commsledger.correlation_id";

    public const string RequestTag = "commsledger.request";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    public static Counter<long> EventsAppended { get; } =
        Meter.CreateCounter<long>("commsledger.events.appended", "{event}", "Events appended to the ledger");

    public static Counter<long> ConcurrencyConflicts { get; } =
        Meter.CreateCounter<long>("commsledger.concurrency.conflicts", "{conflict}", "Writes refused because the entry changed since it was read");

    public static Counter<long> RejectedInputs { get; } =
        Meter.CreateCounter<long>("commsledger.inputs.rejected", "{request}", "Requests refused for invalid fields (nothing appended)");

    public static Counter<long> ReportRuns { get; } =
        Meter.CreateCounter<long>("commsledger.reports.runs", "{run}", "Scheduled report occurrences, by verdict");
}
