using CommsLedger.Application.Access.Users;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Viewing;

/// <summary>One user as they stand now, folded from their stream (null when there is no such user): a signed-in
/// session checks it on every request, so disabling a user or changing their roles or clearance takes effect at once.</summary>
public sealed record GetUser(string Name) : IQuery<UserView?>;

public sealed class GetUserHandler(IQuerySession session) : IQueryHandler<GetUser, UserView?>
{
    public async ValueTask<UserView?> Handle(GetUser query, CancellationToken cancellationToken) =>
        (await AccessStreams.Load(session, UserNames.Clean(query.Name), cancellationToken))?.View();
}
