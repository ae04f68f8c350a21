using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Users;

public sealed record ListUsers : IQuery<IReadOnlyList<UserView>>;

public sealed class ListUsersHandler(IQuerySession session) : IQueryHandler<ListUsers, IReadOnlyList<UserView>>
{
    public async ValueTask<IReadOnlyList<UserView>> Handle(ListUsers query, CancellationToken cancellationToken) =>
        [.. (await AccessStreams.All(session, cancellationToken)).Select(a => a.View()).OrderBy(u => u.Name, StringComparer.Ordinal)];
}
