using CommsLedger.Domain.Shared;
using JasperFx.Events;

namespace CommsLedger.Application.Storage;

/// <summary>Each appended event carries its effective marking in a header, so history, time travel and per-reader
/// versions can filter events without reading their bodies.</summary>
internal static class ClassificationHeaders
{
    /// <summary>Its own marking (<see cref="IClassifiedEvent"/>), never below its stream's (<paramref name="floor"/>).</summary>
    public static void Stamp(IEnumerable<IEvent> events, Classification floor)
    {
        foreach (var e in events)
        {
            var own = EventCatalogue.ClassificationOf(e.Data);
            e.SetHeader(LedgerStore.ClassificationHeader, (own > floor ? own : floor).Display());
        }
    }
}
