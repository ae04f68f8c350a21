using CommsLedger.Application.Topology;
using Marten;
using Marten.Services;

namespace CommsLedger.Application.Storage;

/// <summary>Lightweight sessions, as before; a query session reads on the request's standby connection when
/// <see cref="ReadRouting"/> has one (see <see cref="StandbyReads"/>), otherwise where the store connects.</summary>
internal sealed class RoutedSessions(IDocumentStore store, ReadRouting routing) : ISessionFactory
{
    public IQuerySession QuerySession() =>
        routing.Standby is { } standby ? store.QuerySession(SessionOptions.ForTransaction(standby, shouldAutoCommit: false)) : store.QuerySession();

    public IDocumentSession OpenSession() => store.LightweightSession();
}
