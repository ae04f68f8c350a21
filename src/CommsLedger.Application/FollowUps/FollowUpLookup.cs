using CommsLedger.Application.Clearance;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.FollowUps;
using Marten;

namespace CommsLedger.Application.FollowUps;

internal static class FollowUpLookup
{
    /// <summary>Finds which stream holds a follow-up, from the inline FollowUpQueue. One above the actor's clearance
    /// is "not found" like one that does not exist, before anything about its pledge or interaction is said.</summary>
    public static async Task<FollowUpItem> FollowUp(this IQuerySession session, Guid followUpId, Classification clearance, CancellationToken cancellationToken)
    {
        var item = await session.LoadAsync<FollowUpItem>(followUpId, cancellationToken) ?? throw new EntryNotFound("follow-up", followUpId);
        return clearance.Sees(item.Classification) ? item : throw EntryNotFound.AboveClearance("follow-up", followUpId, item.Classification, clearance);
    }
}
