using System.Collections.Immutable;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Access.Users;
using CommsLedger.Domain.Access;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CommsLedger.Application.Access;

/// <summary>A user's stream folded with the when and who of its events (the domain's <see cref="UserAccess"/> holds
/// what decisions need; this adds what people are shown). Signing in reads it from the events every time, never from a
/// document the application role could rewrite.</summary>
public sealed record UserAccount(
    Guid Id, UserAccess Access, DateTimeOffset AddedAt, string? AddedBy, ImmutableDictionary<Guid, KeyDates> KeyDates, DateTimeOffset? DisabledAt = null)
{
    public static UserAccount? Next(UserAccount? snapshot, Guid id, IEvent e) =>
        UserAccess.Fold(snapshot?.Access, e.Data) is not { } access
            ? null
            : snapshot is null
                ? new UserAccount(id, access, e.Timestamp, e.UserName, ImmutableDictionary<Guid, KeyDates>.Empty)
                : snapshot with { Access = access, KeyDates = Dated(snapshot.KeyDates, e), DisabledAt = access.Disabled ? snapshot.DisabledAt ?? e.Timestamp : null };

    public UserView View() =>
        new(Access.Name, UserNames.RolesOf(Access.Roles), Access.Clearance, Access.PasswordFingerprint is not null, AddedAt, AddedBy, DisabledAt);

    public IReadOnlyList<ApiKeyView> KeysAt(DateTimeOffset now) =>
    [
        .. Access.Keys.Values.OrderBy(k => KeyDates[k.KeyId].IssuedAt).Select(key =>
        {
            var dates = KeyDates[key.KeyId];
            return new ApiKeyView(key.KeyId, Access.Name, key.Label, dates.IssuedAt, dates.IssuedBy, key.ExpiresAt, dates.RevokedAt, dates.RevokedBy,
                ApiKeyExpiry.StatusOf(key, now));
        }),
    ];

    private static ImmutableDictionary<Guid, KeyDates> Dated(ImmutableDictionary<Guid, KeyDates> dates, IEvent e) => e.Data switch
    {
        ApiKeyIssued x => dates.SetItem(x.KeyId, new KeyDates(e.Timestamp, e.UserName, null, null)),
        ApiKeyRevoked x when dates.TryGetValue(x.KeyId, out var issued) && issued.RevokedAt is null =>
            dates.SetItem(x.KeyId, issued with { RevokedAt = e.Timestamp, RevokedBy = e.UserName }),
        _ => dates,
    };
}

public sealed record KeyDates(DateTimeOffset IssuedAt, string? IssuedBy, DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>A user as shown to administrators and to the authenticating edge: never a password hash.</summary>
public sealed record UserView(string Name, IReadOnlyList<LedgerRole> Roles, Domain.Shared.Classification Clearance, bool HasPassword, DateTimeOffset CreatedAt, string? CreatedBy,
    DateTimeOffset? DisabledAt = null);

/// <summary>An API key as its user and administrators see it: never the key, nor its hash.
/// <paramref name="Status"/>: active, expiring (within <see cref="ApiKeyExpiry.WarnWithin"/>), expired or revoked.</summary>
public sealed record ApiKeyView(
    Guid KeyId, string User, string Label, DateTimeOffset IssuedAt, string? IssuedBy, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBy, string Status);

/// <summary>Tells Marten how to fold a user's stream (a Live aggregation, as for the ledger's write models).</summary>
public sealed class UserAccountAggregation : SingleStreamProjection<UserAccount, Guid>
{
    public override UserAccount? Evolve(UserAccount? snapshot, Guid id, IEvent e) => UserAccount.Next(snapshot, id, e);
}
