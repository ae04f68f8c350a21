using CommsLedger.Application.Access.Users;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Credentials;

/// <summary>Who presents this API key, if it is a live key (issued, not revoked, not expired) of an existing user who is
/// not disabled; null otherwise.</summary>
public sealed record AuthenticateApiKey(string Key) : IQuery<KeyHolder?>;

/// <summary>The user a key acts as, and when the key expires (the edge warns as that nears).</summary>
public sealed record KeyHolder(UserView User, Guid KeyId, DateTimeOffset ExpiresAt);

/// <summary>Who this is, if the password matches the user's stored hash and the user is not disabled; null otherwise (no
/// hint which part failed).</summary>
public sealed record AuthenticatePassword(string Name, string Password) : IQuery<UserView?>;

/// <summary>Roles, clearance and keys are read from the user's stream every time; a document only finds a key's user
/// and holds a password's hash, which must match the fingerprint the stream recorded.</summary>
public sealed class AuthenticateHandler(IQuerySession session, TimeProvider clock)
    : IQueryHandler<AuthenticateApiKey, KeyHolder?>, IQueryHandler<AuthenticatePassword, UserView?>
{
    public async ValueTask<KeyHolder?> Handle(AuthenticateApiKey query, CancellationToken cancellationToken)
    {
        if (ApiKeySecrets.IdOf(query.Key) is not { } keyId
            || await session.LoadAsync<ApiKeyOwner>(keyId, cancellationToken) is not { } owner
            || await AccessStreams.Load(session, owner.UserName, cancellationToken) is not { Access.Disabled: false } account
            || !account.Access.Keys.TryGetValue(keyId, out var key)
            || !key.WorksAt(clock.GetUtcNow())
            || !ApiKeySecrets.Matches(query.Key, key.Sha256))
        {
            return null;
        }

        return new KeyHolder(account.View(), keyId, key.ExpiresAt);
    }

    public async ValueTask<UserView?> Handle(AuthenticatePassword query, CancellationToken cancellationToken)
    {
        var name = UserNames.Clean(query.Name);
        var stored = await session.LoadAsync<UserPassword>(name, cancellationToken);
        var account = stored is null ? null : await AccessStreams.Load(session, name, cancellationToken);
        // An unknown user costs as much as a wrong password, so timing does not tell which names exist.
        var matches = PasswordHashing.Verify(query.Password, stored?.Hash ?? DecoyHash.Value);
        return matches && account is { Access.Disabled: false } && account.Access.PasswordFingerprint is { } fingerprint && fingerprint == PasswordHashing.Fingerprint(stored!.Hash)
            ? account.View()
            : null;
    }

    private static readonly Lazy<string> DecoyHash = new(() => PasswordHashing.Hash(Guid.NewGuid().ToString()));
}
