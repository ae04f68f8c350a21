namespace CommsLedger.Application.Access.Credentials;

/// <summary>A user's password hash (<see cref="PasswordHashing"/>). Used only when its SHA-256 is the fingerprint the
/// user's stream recorded.</summary>
public sealed class UserPassword
{
    public string Id { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>Which user a key id was issued to: a look-up only, the key itself is checked in that user's stream.</summary>
public sealed class ApiKeyOwner
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
}
