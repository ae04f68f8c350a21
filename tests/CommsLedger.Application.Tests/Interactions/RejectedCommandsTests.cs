using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.AddingStatements;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pledges.Assessing;
using CommsLedger.Application.Pledges.ChangingStatus;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Tests.Interactions;

[Collection(PostgresCollection.Name)]
public sealed class RejectedCommandsTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestLedger _ledger = null!;
    private InteractionDraft _seed = null!;

    public async Task InitializeAsync()
    {
        _ledger = await TestLedger.Create(postgres);
        _seed = SeedCall.Draft() with { Source = null };
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task logging_with_an_unknown_country_names_the_field_and_appends_nothing()
    {
        var draft = _seed with { Participants = [_seed.Participants[0], _seed.Participants[1] with { Country = "XX" }] };

        var rejected = await Assert.ThrowsAsync<CommandRejected>(() => _ledger.Send(new LogInteraction(draft)));

        Assert.Contains(rejected.Errors, e => e.Field == "participants[1].country" && e.Problem.Contains("'XX'", StringComparison.Ordinal));
        Assert.Equal(0, await _ledger.EventCount());
    }

    [Fact]
    public async Task logging_a_call_with_one_bad_commitment_records_nothing_of_it()
    {
        var commitments = _seed.Commitments.Select((c, i) => i == 3 ? c with { Text = " " } : c).ToArray();

        var rejected = await Assert.ThrowsAsync<CommandRejected>(() => _ledger.Send(new LogInteraction(_seed with { Commitments = commitments })));

        Assert.Contains(rejected.Errors, e => e.Field == "commitments[3].text");
        Assert.Equal(0, await _ledger.EventCount());
    }

    [Fact]
    public async Task a_statement_by_a_country_not_in_the_call_is_refused_and_appends_nothing()
    {
        var record = await _ledger.Send(new LogInteraction(_seed));
        var before = await _ledger.EventCount();

        var rejected = await Assert.ThrowsAsync<CommandRejected>(() =>
            _ledger.Send(new AddStatement(record.Id, record.Version, new StatementDraft("Someone", "BR", "text", []))));

        Assert.Contains(rejected.Errors, e => e.Field == "country");
        Assert.Equal(before, await _ledger.EventCount());
    }

    [Fact]
    public async Task an_assessment_off_the_g7_scale_is_refused_and_appends_nothing()
    {
        var record = await _ledger.Send(new LogInteraction(_seed));
        var before = await _ledger.EventCount();

        var rejected = await Assert.ThrowsAsync<CommandRejected>(() =>
            _ledger.Send(new AssessCompliance(record.Commitments[0].PledgeId, 1, 2, "too generous", null, new DateOnly(2021, 6, 1))));

        Assert.Equal("score", rejected.Errors.Single().Field);
        Assert.Equal(before, await _ledger.EventCount());
    }

    [Fact]
    public async Task fulfilling_a_pledge_twice_is_a_rule_violation_and_appends_nothing()
    {
        var record = await _ledger.Send(new LogInteraction(_seed));
        var pledgeId = record.Commitments[0].PledgeId;
        var fulfilled = await _ledger.Send(new ChangePledgeStatus(pledgeId, 1, PledgeStatus.Fulfilled, new DateOnly(2021, 1, 1), "done"));
        var before = await _ledger.EventCount();

        var refused = await Assert.ThrowsAsync<LedgerRuleViolated>(() =>
            _ledger.Send(new ChangePledgeStatus(pledgeId, fulfilled.Version, PledgeStatus.Broken, new DateOnly(2021, 2, 1), "undone")));

        Assert.Equal("status", refused.Field);
        Assert.Equal(before, await _ledger.EventCount());
    }
}
