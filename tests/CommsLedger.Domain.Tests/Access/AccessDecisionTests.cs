using CommsLedger.Domain.Access;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Tests.Access;

/// <summary>Who may grant what, and what each change of access records.</summary>
public class AccessDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid KeyId = new("7c5a1f3e-0d2b-4e8a-9b61-2f4c8d0e1a33");

    private static UserAccess Rita(params object[] later) =>
        later.Aggregate(UserAccess.Fold(null, new UserAdded("rita", ["recorder"], Classification.Secret, null)), UserAccess.Fold)!;

    [Fact]
    public void nobody_grants_a_clearance_above_their_own()
    {
        var refused = Assert.Throws<ClearanceTooLow>(() => AccessDecisions.Add("tess", ["reviewer"], Classification.TopSecret, null, Classification.Confidential));

        Assert.Equal(Classification.TopSecret, refused.Needed);
    }

    [Fact]
    public void a_change_records_only_what_changes_and_what_it_replaced()
    {
        var changes = AccessDecisions.Change(Rita(), ["recorder", "reviewer"], Classification.Secret, Classification.TopSecret);

        Then.Emitted([new UserRolesChanged("rita", ["recorder", "reviewer"], ["recorder"])], changes);
    }

    [Fact]
    public void asking_for_the_access_a_user_already_has_records_nothing()
    {
        Assert.Empty(AccessDecisions.Change(Rita(), ["recorder"], Classification.Secret, Classification.TopSecret));
    }

    [Fact]
    public void raising_a_clearance_above_the_admins_own_is_refused()
    {
        Assert.Throws<ClearanceTooLow>(() => AccessDecisions.Change(Rita(), null, Classification.TopSecret, Classification.Secret));
    }

    [Fact]
    public void the_access_of_a_user_cleared_above_the_admin_cannot_be_changed()
    {
        Assert.Throws<ClearanceTooLow>(() => AccessDecisions.Change(Rita(), ["reporter"], null, Classification.Confidential));
    }

    [Fact]
    public void a_new_key_expires_after_90_days_unless_asked_otherwise()
    {
        Assert.Equal(Now.AddDays(90), AccessDecisions.IssueKey(Rita(), KeyId, "nightly", "ab", Now, null).ExpiresAt);
        Assert.Equal(Now.AddDays(7), AccessDecisions.IssueKey(Rita(), KeyId, "nightly", "ab", Now, 7).ExpiresAt);
    }

    [Fact]
    public void a_key_works_until_it_expires_or_is_revoked()
    {
        var issued = AccessDecisions.IssueKey(Rita(), KeyId, "nightly", "ab", Now, 30);
        var key = Rita(issued).Keys[KeyId];
        var revoked = Rita(issued, AccessDecisions.RevokeKey(Rita(issued), KeyId).Single()).Keys[KeyId];

        Assert.True(key.WorksAt(Now.AddDays(29)));
        Assert.False(key.WorksAt(Now.AddDays(30)));
        Assert.False(revoked.WorksAt(Now));
    }

    [Fact]
    public void revoking_a_key_twice_records_it_once()
    {
        var issued = AccessDecisions.IssueKey(Rita(), KeyId, "nightly", "ab", Now, null);

        Assert.Empty(AccessDecisions.RevokeKey(Rita(issued, new ApiKeyRevoked("rita", KeyId)), KeyId));
    }

    [Fact]
    public void a_key_the_user_was_never_issued_is_not_found()
    {
        Assert.Throws<EntryNotFound>(() => AccessDecisions.RevokeKey(Rita(), KeyId));
    }

    [Fact]
    public void access_events_are_stored_under_pinned_names_and_count_towards_no_relationship()
    {
        Assert.Equal(
            ["api_key_issued.v1", "api_key_revoked.v1", "user_added.v1", "user_clearance_changed.v1", "user_disabled.v1", "user_enabled.v1", "user_roles_changed.v1"],
            EventCatalogue.Of<IAccessEvent>().Select(EventCatalogue.StoredNameOf).Order(StringComparer.Ordinal));
        IRelationshipEvent added = new UserAdded("rita", ["recorder"], Classification.Secret, null);
        Assert.Empty(added.Relationships);
    }

    [Fact]
    public void a_user_stream_is_named_by_the_user_alone()
    {
        Assert.Equal(UserAccess.StreamIdOf("rita"), UserAccess.StreamIdOf("rita"));
        Assert.NotEqual(UserAccess.StreamIdOf("rita"), UserAccess.StreamIdOf("rory"));
    }
}
