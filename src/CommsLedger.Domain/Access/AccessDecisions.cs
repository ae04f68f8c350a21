using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Access;

/// <summary>
/// The rules of access. Nobody grants a clearance above their own, nor changes the access of a user cleared above
/// them (an UNCLASSIFIED admin cannot make or unmake a TOP SECRET reviewer). A key is issued to its own user only (the
/// edges decide who that is) and expires: 90 days unless asked for fewer or more, at most a year.
/// </summary>
public static class AccessDecisions
{
    public const int DefaultKeyDays = 90;
    public const int MaxKeyDays = 365;

    public static UserAdded Add(string name, IReadOnlyList<string> roles, Classification clearance, string? passwordFingerprint, Classification actorClearance)
    {
        ClearanceTooLow.Require(actorClearance, clearance, $"granting {clearance.Display()} clearance");
        return new UserAdded(name, roles, clearance, passwordFingerprint);
    }

    /// <summary>The changes asked for that change something; none when the user already has them.</summary>
    public static IReadOnlyList<IAccessEvent> Change(UserAccess user, IReadOnlyList<string>? roles, Classification? clearance, Classification actorClearance)
    {
        ClearanceTooLow.Require(actorClearance, user.Clearance, $"changing the access of a {user.Clearance.Display()} user");
        var changes = new List<IAccessEvent>();
        if (roles is not null && !roles.Order(StringComparer.Ordinal).SequenceEqual(user.Roles.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            changes.Add(new UserRolesChanged(user.Name, roles, user.Roles));
        }

        if (clearance is { } granted && granted != user.Clearance)
        {
            ClearanceTooLow.Require(actorClearance, granted, $"granting {granted.Display()} clearance");
            changes.Add(new UserClearanceChanged(user.Name, granted, user.Clearance));
        }

        return changes;
    }

    /// <summary>Disabling a disabled user (or enabling an enabled one) changes nothing. Nobody disables themselves (a
    /// ledger must not lose its last administrator by a slip); another administrator can.</summary>
    public static IReadOnlyList<IAccessEvent> Disable(UserAccess user, string actorName, Classification actorClearance)
    {
        ClearanceTooLow.Require(actorClearance, user.Clearance, $"disabling a {user.Clearance.Display()} user");
        if (string.Equals(user.Name, actorName, StringComparison.OrdinalIgnoreCase))
        {
            throw new LedgerRuleViolated("name", "you cannot disable yourself; another administrator can");
        }

        return user.Disabled ? [] : [new UserDisabled(user.Name)];
    }

    public static IReadOnlyList<IAccessEvent> Enable(UserAccess user, Classification actorClearance)
    {
        ClearanceTooLow.Require(actorClearance, user.Clearance, $"enabling a {user.Clearance.Display()} user");
        return user.Disabled ? [new UserEnabled(user.Name)] : [];
    }

    public static ApiKeyIssued IssueKey(UserAccess user, Guid keyId, string label, string sha256, DateTimeOffset now, int? days) =>
        new(user.Name, keyId, label, sha256, now.AddDays(days ?? DefaultKeyDays));

    /// <summary>Revoking a key already revoked changes nothing; a key of another user is "not found".</summary>
    public static IReadOnlyList<IAccessEvent> RevokeKey(UserAccess user, Guid keyId) =>
        user.Keys.TryGetValue(keyId, out var key)
            ? key.Revoked ? [] : [new ApiKeyRevoked(user.Name, keyId)]
            : throw new EntryNotFound("api key", keyId);
}
