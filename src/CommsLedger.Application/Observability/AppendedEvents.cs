using Marten;
using Marten.Services;

namespace CommsLedger.Application.Observability;

/// <summary>Counts the events of every committed session (<see cref="LedgerTelemetry.EventsAppended"/>).</summary>
public sealed class AppendedEvents : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var appended = commit.GetEvents().Count();
        if (appended > 0)
        {
            LedgerTelemetry.EventsAppended.Add(appended);
        }

        return Task.CompletedTask;
    }
}
