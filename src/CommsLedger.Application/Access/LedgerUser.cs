using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Access;

/// <summary>A person or job allowed to use the ledger. <see cref="Id"/> is the user name (lower case).
/// <see cref="PasswordHash"/> is null for users who only use API keys or a ministry's identity provider.</summary>
public sealed class LedgerUser
{
    public string Id { get; set; } = "";
    public List<LedgerRole> Roles { get; set; } = [];
    public Classification Clearance { get; set; }
    public string? PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    /// <summary>Set when an administrator disabled the user: no password or key of theirs signs in any more.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
    public string? DisabledBy { get; set; }

    public UserView View() => new(Id, Roles, Clearance, PasswordHash is not null, CreatedAt, CreatedBy, DisabledAt);
}

/// <summary>A user as shown to administrators and to the authenticating edge: never the password hash.</summary>
public sealed record UserView(string Name, IReadOnlyList<LedgerRole> Roles, Classification Clearance, bool HasPassword, DateTimeOffset CreatedAt, string? CreatedBy,
    DateTimeOffset? DisabledAt = null);

/// <summary>An API key of a user, for reporting jobs and scripts. Only the SHA-256 of the key is stored: the key
/// itself is 256 random bits, so a fast hash is enough (no dictionary can guess it), and it is shown once.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string Label { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    /// <summary>When the key stops working by itself; null for a key that lives until revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
