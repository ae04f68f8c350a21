using System.Globalization;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Access;

/// <summary>The vocabulary of a user's stream: who may use the ledger, with which roles, clearance and API keys. Access
/// is recorded as events of the ledger like everything else, so no change to it escapes the Merkle log or the access
/// history. An access event counts towards no relationship and occurred when it was recorded. Roles are stored as
/// their lower-case names (recorder, reviewer, reporter, admin).</summary>
public interface IAccessEvent : IRelationshipEvent, IDatedEvent, IDescribedEvent
{
    string UserName { get; }

    IReadOnlyList<string> IRelationshipEvent.Relationships => [];

    Occurrence IDatedEvent.WhenOccurred() => Occurrence.WhenRecorded;
}

/// <summary>A user is added. Only a fingerprint of the password's stored hash is in the ledger (SHA-256 of it): the
/// hash itself stays in a document the ledger can overwrite when the password changes, and signing in checks it
/// against this fingerprint, so a hash written into that document behind the ledger's back does not work.</summary>
[StoredAs("user_added.v1")]
public sealed record UserAdded(string UserName, IReadOnlyList<string> Roles, Classification Clearance, string? PasswordFingerprint) : IAccessEvent
{
    public HistoryLine Describe() =>
        new($"user {UserName} added: {string.Join(", ", Roles)}; clearance {Clearance.Display()}{(PasswordFingerprint is null ? "" : "; password set")}");
}

[StoredAs("user_roles_changed.v1")]
public sealed record UserRolesChanged(string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Was) : IAccessEvent
{
    public HistoryLine Describe() => new($"roles of {UserName}: {string.Join(", ", Roles)}", string.Join(", ", Was));
}

[StoredAs("user_clearance_changed.v1")]
public sealed record UserClearanceChanged(string UserName, Classification Clearance, Classification Was) : IAccessEvent
{
    public HistoryLine Describe() => new($"clearance of {UserName}: {Clearance.Display()}", Was.Display());
}

/// <summary>An API key is issued to its own user. <paramref name="Sha256"/> is the hash of the key (256 random bits, so
/// the hash gives nothing away); the key itself is shown once and kept nowhere.</summary>
[StoredAs("api_key_issued.v1")]
public sealed record ApiKeyIssued(string UserName, Guid KeyId, string Label, string Sha256, DateTimeOffset ExpiresAt) : IAccessEvent
{
    public HistoryLine Describe() => new($"API key {KeyId} issued to {UserName}{(Label.Length > 0 ? $" ({Label})" : "")}, expires {ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z");
}

[StoredAs("api_key_revoked.v1")]
public sealed record ApiKeyRevoked(string UserName, Guid KeyId) : IAccessEvent
{
    public HistoryLine Describe() => new($"API key {KeyId} of {UserName} revoked");
}

/// <summary>An administrator disables a user: no password or key of theirs signs in any more, and a signed-in session
/// of theirs ends at its next request. The user stays (their name is on what they recorded) and can be enabled again.</summary>
[StoredAs("user_disabled.v1")]
public sealed record UserDisabled(string UserName) : IAccessEvent
{
    public HistoryLine Describe() => new($"user {UserName} disabled");
}

[StoredAs("user_enabled.v1")]
public sealed record UserEnabled(string UserName) : IAccessEvent
{
    public HistoryLine Describe() => new($"user {UserName} enabled");
}
