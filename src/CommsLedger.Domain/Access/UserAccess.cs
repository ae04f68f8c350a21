using System.Collections.Immutable;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Access;

/// <summary>An API key as signing in needs it. Never the key itself: its SHA-256.</summary>
public sealed record AccessKey(Guid KeyId, string Label, string Sha256, DateTimeOffset ExpiresAt, bool Revoked)
{
    public bool WorksAt(DateTimeOffset now) => !Revoked && now < ExpiresAt;
}

/// <summary>Write-side state of a user's stream: what signing in and the access decisions need.</summary>
public sealed record UserAccess(
    string Name,
    IReadOnlyList<string> Roles,
    Classification Clearance,
    string? PasswordFingerprint,
    ImmutableDictionary<Guid, AccessKey> Keys,
    bool Disabled = false)
{
    private static readonly Guid UsersNamespace = new("0b7b6f0e-8c55-4d8e-a1c9-3d2f1e6c9a41");

    /// <summary>One stream per user name (lower case), so a name cannot be added twice.</summary>
    public static Guid StreamIdOf(string userName) => DeterministicIds.Create(UsersNamespace, "user:" + userName);

    public static UserAccess Start(UserAdded e) =>
        new(e.UserName, e.Roles, e.Clearance, e.PasswordFingerprint, ImmutableDictionary<Guid, AccessKey>.Empty);

    /// <summary>The one fold of a user's stream: none before <see cref="UserAdded"/> (a stream of another type).</summary>
    public static UserAccess? Fold(UserAccess? state, object e) =>
        state is null ? e is UserAdded added ? Start(added) : null : state.Evolve(e);

    public UserAccess Evolve(object e) => e switch
    {
        UserRolesChanged x => this with { Roles = x.Roles },
        UserClearanceChanged x => this with { Clearance = x.Clearance },
        UserDisabled => this with { Disabled = true },
        UserEnabled => this with { Disabled = false },
        ApiKeyIssued x => this with { Keys = Keys.SetItem(x.KeyId, new AccessKey(x.KeyId, x.Label, x.Sha256, x.ExpiresAt, Revoked: false)) },
        ApiKeyRevoked x when Keys.TryGetValue(x.KeyId, out var key) => this with { Keys = Keys.SetItem(x.KeyId, key with { Revoked = true }) },
        IAccessEvent => this,
        _ => throw new ArgumentException($"{e.GetType().Name} is not an access event", nameof(e)),
    };
}
