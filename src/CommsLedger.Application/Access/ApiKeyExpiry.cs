using CommsLedger.Domain.Access;

namespace CommsLedger.Application.Access;

/// <summary>When a key counts as close to its expiry: it is listed as "expiring" and every answer to a request signed
/// with it carries a warning.</summary>
public static class ApiKeyExpiry
{
    public static readonly TimeSpan WarnWithin = TimeSpan.FromDays(14);

    public static bool IsClose(DateTimeOffset expiresAt, DateTimeOffset now) => expiresAt - now <= WarnWithin;

    public static string StatusOf(AccessKey key, DateTimeOffset now) =>
        key.Revoked ? "revoked"
        : now >= key.ExpiresAt ? "expired"
        : IsClose(key.ExpiresAt, now) ? "expiring"
        : "active";
}
