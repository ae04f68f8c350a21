using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Marten;

namespace CommsLedger.Application.Storage;

/// <summary>The pledges a command reaffirms, read for its decision before the stream it changes is locked.</summary>
public static class ReaffirmedPledges
{
    /// <summary>Each pledge as the actor may see it (one above their clearance is left out, so it reads as not found),
    /// read under its stream's lock so that it cannot change until the command commits. These locks come before the
    /// lock of the stream the command changes (see <see cref="AdvisoryLocks"/>).</summary>
    public static async Task<IReadOnlyDictionary<Guid, Pledge>> LockPledges(this IDocumentSession session, IEnumerable<Guid?> pledgeIds, Classification clearance, CancellationToken cancellationToken)
    {
        var ids = pledgeIds.OfType<Guid>().Where(id => id != Guid.Empty).Distinct().Order().ToArray();
        var pledges = new Dictionary<Guid, Pledge>();
        if (ids.Length == 0)
        {
            return pledges;
        }

        foreach (var id in ids)
        {
            // Fetched for exclusive writing (its stream row locked in the same read, in id order), so the session knows
            // the stream's version: the reaffirmation appended to it later gets its real version, and the inline
            // register its real Version (a plain append would leave it 0).
            if ((await session.Events.FetchForExclusiveWriting<Tracked<Pledge>>(id, cancellationToken)).Aggregate is { State: var pledge }
                && pledge.Classification <= clearance)
            {
                pledges[id] = pledge;
            }
        }

        return pledges;
    }
}
