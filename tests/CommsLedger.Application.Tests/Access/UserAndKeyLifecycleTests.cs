using CommsLedger.Application.Access.Credentials;
using CommsLedger.Application.Access.Disabling;
using CommsLedger.Application.Access.Keys;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class UserAndKeyLifecycleTests(PostgresCluster postgres) : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private TestLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _ledger = await TestLedger.Create(postgres);
        await _ledger.Send(new AddUser("rita", [LedgerRole.Recorder], Classification.Secret, Password), user: "admin");
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task a_disabled_user_signs_in_with_neither_password_nor_key_until_enabled_again()
    {
        var key = await _ledger.Send(new IssueApiKey("rita", "job"));

        await _ledger.Send(new DisableUser("rita"), user: "admin");

        Assert.Null(await _ledger.Ask(new AuthenticatePassword("rita", Password)));
        Assert.Null(await _ledger.Ask(new AuthenticateApiKey(key.Key)));
        await _ledger.Send(new EnableUser("rita"), user: "admin");
        Assert.NotNull(await _ledger.Ask(new AuthenticatePassword("rita", Password)));
        Assert.NotNull(await _ledger.Ask(new AuthenticateApiKey(key.Key)));
    }

    [Fact]
    public async Task an_admin_changes_roles_and_clearance_up_to_their_own_and_never_of_a_user_cleared_above_them()
    {
        var changed = await _ledger.Send(new ChangeUserAccess("rita", [LedgerRole.Recorder, LedgerRole.Reviewer], Classification.Confidential), user: "admin", clearance: Classification.Secret);
        Assert.Equal([LedgerRole.Recorder, LedgerRole.Reviewer], changed.Roles);
        Assert.Equal(Classification.Confidential, changed.Clearance);

        await Assert.ThrowsAsync<ClearanceTooLow>(() => _ledger.Send(new ChangeUserAccess("rita", [LedgerRole.Recorder], Classification.TopSecret), user: "admin", clearance: Classification.Secret));
        await Assert.ThrowsAsync<ClearanceTooLow>(() => _ledger.Send(new DisableUser("rita"), user: "admin", clearance: Classification.Unclassified));
        var self = await Assert.ThrowsAsync<LedgerRuleViolated>(() => _ledger.Send(new DisableUser("rita"), user: "rita"));
        Assert.Equal("name", self.Field);
    }
}
