using CommsLedger.Application.Access.Users;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Keys;

/// <summary>A user's API keys, oldest first, with when each expires and whether it still works.</summary>
public sealed record ListApiKeys(string UserName) : IQuery<IReadOnlyList<ApiKeyView>>;

public sealed class ListApiKeysHandler(IQuerySession session, TimeProvider clock) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeyView>>
{
    public async ValueTask<IReadOnlyList<ApiKeyView>> Handle(ListApiKeys query, CancellationToken cancellationToken)
    {
        var name = UserNames.Clean(query.UserName);
        var account = await AccessStreams.Load(session, name, cancellationToken)
            ?? throw new LedgerRuleViolated("user", $"there is no user '{name}'");
        return account.KeysAt(clock.GetUtcNow());
    }
}
