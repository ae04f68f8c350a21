using CommsLedger.Application.Access.Users;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Credentials;

/// <summary>Who presents this API key, if it is a live key of an existing user; null otherwise.</summary>
public sealed record AuthenticateApiKey(string Key) : IQuery<UserView?>;

/// <summary>Who this is, if the password matches the user's stored hash; null otherwise (no hint which part failed).</summary>
public sealed record AuthenticatePassword(string Name, string Password) : IQuery<UserView?>;

public sealed class AuthenticateHandler(IQuerySession session) : IQueryHandler<AuthenticateApiKey, UserView?>, IQueryHandler<AuthenticatePassword, UserView?>
{
    public async ValueTask<UserView?> Handle(AuthenticateApiKey query, CancellationToken cancellationToken)
    {
        if (ApiKeySecrets.IdOf(query.Key) is not { } keyId
            || await session.LoadAsync<ApiKey>(keyId, cancellationToken) is not { RevokedAt: null } key
            || !ApiKeySecrets.Matches(query.Key, key.Sha256))
        {
            return null;
        }

        return (await session.LoadAsync<LedgerUser>(key.UserName, cancellationToken))?.View();
    }

    public async ValueTask<UserView?> Handle(AuthenticatePassword query, CancellationToken cancellationToken)
    {
        var user = await session.LoadAsync<LedgerUser>(UserNames.Clean(query.Name), cancellationToken);
        // An unknown user costs as much as a wrong password, so timing does not tell which names exist.
        var matches = PasswordHashing.Verify(query.Password, user?.PasswordHash ?? DecoyHash.Value);
        return matches && user?.PasswordHash is not null ? user.View() : null;
    }

    private static readonly Lazy<string> DecoyHash = new(() => PasswordHashing.Hash(Guid.NewGuid().ToString()));
}
