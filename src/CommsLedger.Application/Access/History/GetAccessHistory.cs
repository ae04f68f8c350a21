using CommsLedger.Application.Access.Users;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.History;

/// <summary>Every change of access — users added, roles and clearances changed, keys issued and revoked — in the order
/// recorded, for one user or all. Each line names its event, which <c>commsledger prove</c> proves is in the Merkle log.</summary>
public sealed record GetAccessHistory(string? User) : IQuery<IReadOnlyList<AccessHistoryLine>>;

/// <param name="By">The user who made the change, as recorded on the event.</param>
/// <param name="Was">What a change replaced (the roles or clearance before it).</param>
public sealed record AccessHistoryLine(Guid EventId, DateTimeOffset RecordedAt, string? By, string User, string What, string? Was);

public sealed class GetAccessHistoryHandler(IQuerySession session) : IQueryHandler<GetAccessHistory, IReadOnlyList<AccessHistoryLine>>
{
    public async ValueTask<IReadOnlyList<AccessHistoryLine>> Handle(GetAccessHistory query, CancellationToken cancellationToken)
    {
        var user = query.User is null ? null : UserNames.Clean(query.User);
        var events = await AccessStreams.AllEvents(session, user, cancellationToken);
        return
        [
            .. events.Where(e => e.Data is Domain.Access.IAccessEvent).Select(e =>
            {
                var line = ((IDescribedEvent)e.Data).Describe();
                return new AccessHistoryLine(e.Id, e.Timestamp, e.UserName, ((Domain.Access.IAccessEvent)e.Data).UserName, line.What, line.Replaces);
            }),
        ];
    }
}
