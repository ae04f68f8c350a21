using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Users;

public sealed record ListUsers : IQuery<IReadOnlyList<UserView>>;

public sealed class ListUsersHandler(IQuerySession session) : IQueryHandler<ListUsers, IReadOnlyList<UserView>>
{
    public async ValueTask<IReadOnlyList<UserView>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var users = await session.Query<LedgerUser>().OrderBy(u => u.Id).ToListAsync(cancellationToken);
        return users.Select(u => u.View()).ToArray();
    }
}
