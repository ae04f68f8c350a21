using CommsLedger.Application.Access.Credentials;
using CommsLedger.Application.Access.Disabling;
using CommsLedger.Application.Access.History;
using CommsLedger.Application.Access.Keys;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Access;
using CommsLedger.Domain.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommsLedger.Application.Tests.Access;

/// <summary>Users, roles, clearances and keys are events of the ledger; signing in reads them from the events, so
/// documents rewritten behind the ledger's back grant nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccessInTheLedgerTests(PostgresCluster postgres) : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly ShiftedClock _clock = new();
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres, services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task adding_changing_and_keying_a_user_are_events_of_their_stream_stamped_with_who_did_it()
    {
        await _ledger.Send(new AddUser("Nora", [LedgerRole.Reporter], Classification.Confidential, Password), user: "ada");
        await _ledger.Send(new ChangeUserAccess("nora", [LedgerRole.Reporter, LedgerRole.Reviewer], Classification.Secret), user: "ada");
        var key = await _ledger.Send(new IssueApiKey("nora", "nightly"), user: "nora");
        await _ledger.Send(new RevokeApiKey(key.KeyId), user: "ada");
        await _ledger.Send(new DisableUser("nora"), user: "ada");
        await _ledger.Send(new EnableUser("nora"), user: "ada");

        var stored = await Rows($"select type, user_name, headers->>'classification', data::text from commsledger.mt_events where stream_id = '{UserAccess.StreamIdOf("nora")}' order by version");
        Assert.Equal(
            ["user_added.v1 ada", "user_roles_changed.v1 ada", "user_clearance_changed.v1 ada", "api_key_issued.v1 nora", "api_key_revoked.v1 ada", "user_disabled.v1 ada", "user_enabled.v1 ada"],
            stored.Select(r => $"{r[0]} {r[1]}"));
        Assert.All(stored, r => Assert.Equal("UNCLASSIFIED", r[2]));
        Assert.All(stored, r => Assert.DoesNotContain("relationships", r[3], StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(stored, r => r[3].Contains("pbkdf2", StringComparison.Ordinal) || r[3].Contains(key.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_password_hash_written_into_its_document_behind_the_ledgers_back_does_not_sign_in()
    {
        await _ledger.Send(new AddUser("tess", [LedgerRole.Reviewer], Classification.TopSecret, Password));
        await using (var session = _ledger.Store.LightweightSession())
        {
            session.Store(new UserPassword { Id = "tess", Hash = PasswordHashing.Hash("the attacker's own") });
            await session.SaveChangesAsync();
        }

        Assert.Null(await _ledger.Ask(new AuthenticatePassword("tess", "the attacker's own")));
    }

    [Fact]
    public async Task a_key_whose_look_up_is_pointed_at_another_user_does_not_act_as_them()
    {
        await _ledger.Send(new AddUser("low", [LedgerRole.Reporter], Classification.Unclassified, null));
        await _ledger.Send(new AddUser("high", [LedgerRole.Reviewer], Classification.TopSecret, null));
        var key = await _ledger.Send(new IssueApiKey("low", "mine"));
        Assert.Equal("low", (await _ledger.Ask(new AuthenticateApiKey(key.Key)))!.User.Name);

        await using (var session = _ledger.Store.LightweightSession())
        {
            session.Store(new ApiKeyOwner { Id = key.KeyId, UserName = "high" });
            await session.SaveChangesAsync();
        }

        Assert.Null(await _ledger.Ask(new AuthenticateApiKey(key.Key)));
    }

    [Fact]
    public async Task a_key_stops_working_when_it_expires_and_is_listed_as_expiring_then_expired()
    {
        await _ledger.Send(new AddUser("jobs", [LedgerRole.Reporter], Classification.Secret, null));
        var key = await _ledger.Send(new IssueApiKey("jobs", "nightly", ExpiresInDays: 30));

        _clock.Shift(TimeSpan.FromDays(20));
        var expiring = await _ledger.Ask(new AuthenticateApiKey(key.Key));
        var listedExpiring = (await _ledger.Ask(new ListApiKeys("jobs"))).Single().Status;
        _clock.Shift(TimeSpan.FromDays(11));

        Assert.Equal(key.ExpiresAt, expiring!.ExpiresAt);
        Assert.Equal("expiring", listedExpiring);
        Assert.Null(await _ledger.Ask(new AuthenticateApiKey(key.Key)));
        Assert.Equal("expired", (await _ledger.Ask(new ListApiKeys("jobs"))).Single().Status);
    }

    [Fact]
    public async Task the_access_history_lists_every_change_in_the_order_recorded_with_what_it_replaced()
    {
        await _ledger.Send(new AddUser("hal", [LedgerRole.Recorder], Classification.Confidential, null), user: "ada");
        await _ledger.Send(new ChangeUserAccess("hal", null, Classification.Secret), user: "ada");

        var history = await _ledger.Ask(new GetAccessHistory("HAL"));

        Assert.Equal(["user hal added: recorder; clearance CONFIDENTIAL", "clearance of hal: SECRET"], history.Select(l => l.What));
        Assert.Equal([null, "CONFIDENTIAL"], history.Select(l => l.Was));
        Assert.All(history, l => Assert.Equal("ada", l.By));
    }

    [Fact]
    public async Task users_are_listed_from_their_streams_and_a_name_is_added_once()
    {
        await _ledger.Send(new AddUser("ulla", [LedgerRole.Reviewer], Classification.Secret, Password));

        var again = await Assert.ThrowsAsync<LedgerRuleViolated>(() => _ledger.Send(new AddUser("ULLA", [LedgerRole.Admin], Classification.Secret, null)));
        var ulla = (await _ledger.Ask(new ListUsers())).Single(u => u.Name == "ulla");

        Assert.Equal("name", again.Field);
        Assert.Equal([LedgerRole.Reviewer], ulla.Roles);
        Assert.True(ulla.HasPassword);
        Assert.Equal("ulla", (await _ledger.Ask(new AuthenticatePassword("Ulla", Password)))!.Name);
    }

    private async Task<List<string[]>> Rows(string sql)
    {
        await using var connection = new NpgsqlConnection(_ledger.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetString(i))]);
        }

        return rows;
    }

    private sealed class ShiftedClock : TimeProvider
    {
        private TimeSpan _shift;

        public void Shift(TimeSpan by) => _shift += by;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _shift;
    }
}
