using CommsLedger.Domain.Shared;
using CommsLedger.Projections.FollowUps;
using Marten;

namespace CommsLedger.Application.FollowUps;

internal static class FollowUpLookup
{
    /// <summary>Finds which stream holds a follow-up, from the inline FollowUpQueue.</summary>
    public static async Task<FollowUpItem> FollowUp(this IQuerySession session, Guid followUpId, CancellationToken cancellationToken) =>
        await session.LoadAsync<FollowUpItem>(followUpId, cancellationToken) ?? throw new EntryNotFound("follow-up", followUpId);
}
