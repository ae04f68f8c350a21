using CommsLedger.Application.Access.Users;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.KeyListing;

/// <summary>The API keys of one user (their own page) or of everyone (administrators), newest first; never a key or its hash.</summary>
public sealed record ListApiKeys(string? UserName = null) : IQuery<IReadOnlyList<ApiKeyView>>;

public sealed record ApiKeyView(Guid KeyId, string User, string Label, DateTimeOffset CreatedAt, string? CreatedBy,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public bool LiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

public sealed class ListApiKeysHandler(IQuerySession session) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeyView>>
{
    public async ValueTask<IReadOnlyList<ApiKeyView>> Handle(ListApiKeys query, CancellationToken cancellationToken)
    {
        IQueryable<ApiKey> keys = session.Query<ApiKey>();
        if (query.UserName is { } user)
        {
            var name = UserNames.Clean(user);
            keys = keys.Where(k => k.UserName == name);
        }

        var found = await keys.OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
        return [.. found.Select(k => new ApiKeyView(k.Id, k.UserName, k.Label, k.CreatedAt, k.CreatedBy, k.ExpiresAt, k.RevokedAt, k.RevokedBy))];
    }
}
