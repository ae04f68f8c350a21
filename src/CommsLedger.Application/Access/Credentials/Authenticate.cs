using CommsLedger.Application.Access.Users;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Credentials;

/// <summary>Who presents this API key, if it is a live (not revoked, not expired) key of an existing user who is not
/// disabled; null otherwise.</summary>
public sealed record AuthenticateApiKey(string Key) : IQuery<UserView?>;

/// <summary>Who this is, if the password matches the user's stored hash and the user is not disabled; null otherwise
/// (no hint which part failed).</summary>
public sealed record AuthenticatePassword(string Name, string Password) : IQuery<UserView?>;

public sealed class AuthenticateHandler(IQuerySession session, TimeProvider clock) : IQueryHandler<AuthenticateApiKey, UserView?>, IQueryHandler<AuthenticatePassword, UserView?>
{
    public async ValueTask<UserView?> Handle(AuthenticateApiKey query, CancellationToken cancellationToken)
    {
        if (ApiKeySecrets.IdOf(query.Key) is not { } keyId
            || await session.LoadAsync<ApiKey>(keyId, cancellationToken) is not { RevokedAt: null } key
            || key.ExpiresAt <= clock.GetUtcNow()
            || !ApiKeySecrets.Matches(query.Key, key.Sha256))
        {
            return null;
        }

        return await session.LoadAsync<LedgerUser>(key.UserName, cancellationToken) is { DisabledAt: null } user ? user.View() : null;
    }

    public async ValueTask<UserView?> Handle(AuthenticatePassword query, CancellationToken cancellationToken)
    {
        var user = await session.LoadAsync<LedgerUser>(UserNames.Clean(query.Name), cancellationToken);
        // An unknown user costs as much as a wrong password, so timing does not tell which names exist.
        var matches = PasswordHashing.Verify(query.Password, user?.PasswordHash ?? DecoyHash.Value);
        return matches && user is { PasswordHash: not null, DisabledAt: null } ? user.View() : null;
    }

    private static readonly Lazy<string> DecoyHash = new(() => PasswordHashing.Hash(Guid.NewGuid().ToString()));
}
