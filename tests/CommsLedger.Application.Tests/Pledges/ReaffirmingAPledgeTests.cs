using CommsLedger.Application.Demo;
using CommsLedger.Application.History.Reading;
using CommsLedger.Application.Interactions.AddingCommitments;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.TimeTravel;

namespace CommsLedger.Application.Tests.Pledges;

/// <summary>A later call restates a pledge of the seed call ("both sides reaffirmed…"), end to end on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReaffirmingAPledgeTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly DateOnly LaterCallDate = new(2021, 3, 1);
    private static readonly DateOnly Today = new(2021, 6, 1);
    private const string Restated = "China reaffirmed its support for the phase-3 trials in Peru";

    private TestLedger _ledger = null!;
    private InteractionRecord _seed = null!;
    private Guid _pledge;

    public async Task InitializeAsync()
    {
        _ledger = await TestLedger.Create(postgres);
        _seed = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        _pledge = _seed.Commitments.First(c => c.By == "CN" && c.To == "PE").PledgeId;
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    private static InteractionDraft Call(DateOnly on, string other = "PE", Classification classification = Classification.Unclassified, params CommitmentDraft[] commitments) => new(
        InteractionKind.PhoneCall, new OccurredAt(on),
        [new Participant("Wang Yi", "Foreign Minister", "CN"), new Participant("Someone", "Foreign Minister", other)],
        "A later call", null, classification, [], [], commitments, []);

    private static CommitmentDraft Reaffirming(Guid pledge, Classification? classification = null) =>
        new("CN", "PE", CommitmentKind.Pledge, Restated, "", null, [], [], classification, pledge);

    [Fact]
    public async Task a_commitment_added_to_a_later_call_is_listed_on_the_pledge_it_reaffirms()
    {
        var later = await _ledger.Send(new LogInteraction(Call(LaterCallDate)));

        var changed = await _ledger.Send(new AddCommitment(later.Id, later.Version, Reaffirming(_pledge)));

        Assert.Equal((later.Version + 1, _pledge), (changed.Version, changed.CreatedId));
        var register = await _ledger.Ask(new GetPledge(_pledge));
        var reaffirmation = Assert.Single(register.Reaffirmations);
        Assert.Equal((later.Id, LaterCallDate, Restated), (reaffirmation.InteractionId, reaffirmation.On, reaffirmation.Text));
        Assert.Equal(PledgeStatus.Open, register.Status);
        var record = await _ledger.Ask(new GetInteraction(later.Id));
        Assert.Equal(_pledge, Assert.Single(record.Commitments).PledgeId);
    }

    [Fact]
    public async Task a_call_logged_with_a_reaffirming_commitment_reaffirms_it_in_the_same_transaction()
    {
        var before = await _ledger.EventCount();

        var later = await _ledger.Send(new LogInteraction(Call(LaterCallDate, commitments: Reaffirming(_pledge))));

        Assert.Equal(before + 3, await _ledger.EventCount()); // logged, commitment recorded, pledge reaffirmed
        Assert.Equal(later.Id, Assert.Single((await _ledger.Ask(new GetPledge(_pledge))).Reaffirmations).InteractionId);
    }

    [Fact]
    public async Task the_relationship_ledger_counts_the_reaffirmed_pledges_of_each_side()
    {
        await _ledger.Send(new LogInteraction(Call(LaterCallDate, commitments: Reaffirming(_pledge))));
        await _ledger.Send(new LogInteraction(Call(LaterCallDate.AddDays(7), commitments: Reaffirming(_pledge))));

        var view = await _ledger.Ask(new GetRelationship("CN-PE", Today));

        Assert.Equal(1, view.Sides.Single(s => s.Party == "CN").Reaffirmed);
        Assert.Equal(0, view.Sides.Single(s => s.Party == "PE").Reaffirmed);
        Assert.Equal(2, (await _ledger.Ask(new GetPledge(_pledge))).Reaffirmations.Count);
    }

    [Fact]
    public async Task history_and_both_axes_of_time_travel_show_the_reaffirmation_from_when_it_happened()
    {
        var beforeIt = DateTimeOffset.UtcNow;
        await _ledger.Send(new LogInteraction(Call(LaterCallDate, commitments: Reaffirming(_pledge))));

        var history = await _ledger.Ask(new GetHistory("CN-PE"));
        var line = Assert.Single(history, h => h.EventType == "pledge_reaffirmed.v1");
        Assert.Equal(LaterCallDate, line.OccurredOn);
        Assert.Contains(Restated, line.What);
        Assert.Empty((await _ledger.Ask(new GetPledge(_pledge, new AsOf(null, LaterCallDate.AddDays(-1))))).Reaffirmations);
        Assert.Single((await _ledger.Ask(new GetPledge(_pledge, new AsOf(null, LaterCallDate)))).Reaffirmations);
        Assert.Empty((await _ledger.Ask(new GetPledge(_pledge, new AsOf(beforeIt, null)))).Reaffirmations);
        Assert.Equal(0, (await _ledger.Ask(new GetRelationship("CN-PE", Today, new AsOf(null, LaterCallDate.AddDays(-1))))).Sides.Single(s => s.Party == "CN").Reaffirmed);
        Assert.Equal(1, (await _ledger.Ask(new GetRelationship("CN-PE", Today, new AsOf(null, LaterCallDate)))).Sides.Single(s => s.Party == "CN").Reaffirmed);
    }

    [Fact]
    public async Task reaffirming_an_unknown_pledge_is_rejected_and_appends_nothing()
    {
        var later = await _ledger.Send(new LogInteraction(Call(LaterCallDate)));
        var before = await _ledger.EventCount();

        var rejected = await Assert.ThrowsAsync<CommandRejected>(() => _ledger.Send(new AddCommitment(later.Id, later.Version, Reaffirming(Guid.NewGuid()))));

        Assert.Equal("reaffirms", Assert.Single(rejected.Errors).Field);
        Assert.Equal(before, await _ledger.EventCount());
    }

    [Fact]
    public async Task a_file_reaffirming_an_interactions_id_instead_of_a_pledges_is_rejected_and_appends_nothing()
    {
        var before = await _ledger.EventCount();

        var rejected = await Assert.ThrowsAsync<CommandRejected>(() => _ledger.Send(new LogInteraction(Call(LaterCallDate, commitments: Reaffirming(_seed.Id)))));

        Assert.Equal("commitments[0].reaffirms", Assert.Single(rejected.Errors).Field);
        Assert.Equal(before, await _ledger.EventCount());
    }

    [Fact]
    public async Task a_pledge_of_another_relationship_is_refused_and_nothing_is_appended()
    {
        var withUs = await _ledger.Send(new LogInteraction(Call(LaterCallDate, "US",
            commitments: new CommitmentDraft("CN", "US", CommitmentKind.Pledge, "China will buy soybeans", "trade", null, [], []))));
        var later = await _ledger.Send(new LogInteraction(Call(LaterCallDate)));
        var before = await _ledger.EventCount();

        var refused = await Assert.ThrowsAsync<LedgerRuleViolated>(() =>
            _ledger.Send(new AddCommitment(later.Id, later.Version, Reaffirming(withUs.Commitments[0].PledgeId))));

        Assert.Equal("reaffirms", refused.Field);
        Assert.Contains("CN-US", refused.Problem);
        Assert.Equal(before, await _ledger.EventCount());
    }

    [Fact]
    public async Task a_pledge_above_the_recorders_clearance_reads_as_not_found_exactly_like_an_unknown_one()
    {
        var secret = await _ledger.Send(new LogInteraction(Call(LaterCallDate, classification: Classification.Secret,
            commitments: new CommitmentDraft("CN", "PE", CommitmentKind.Pledge, "China will share trial data", "vaccines", null, [], []))));
        var later = await _ledger.Send(new LogInteraction(Call(LaterCallDate)));
        var before = await _ledger.EventCount();
        var hidden = secret.Commitments[0].PledgeId;

        var rejected = await Assert.ThrowsAsync<CommandRejected>(() =>
            _ledger.Send(new AddCommitment(later.Id, later.Version, Reaffirming(hidden)), clearance: Classification.Confidential));

        Assert.Equal($"reaffirms: no pledge {hidden} was found", rejected.Errors.Single().ToString());
        Assert.Equal(before, await _ledger.EventCount());
    }

    [Fact]
    public async Task a_reaffirmation_in_a_secret_call_is_hidden_from_readers_below_secret()
    {
        await _ledger.Send(new LogInteraction(Call(LaterCallDate, classification: Classification.Secret, commitments: Reaffirming(_pledge))));

        Assert.Empty((await _ledger.Ask(new GetPledge(_pledge), Classification.Confidential)).Reaffirmations);
        Assert.Single((await _ledger.Ask(new GetPledge(_pledge), Classification.Secret)).Reaffirmations);
        Assert.Equal(0, (await _ledger.Ask(new GetRelationship("CN-PE", Today), Classification.Confidential)).Sides.Single(s => s.Party == "CN").Reaffirmed);
        Assert.DoesNotContain(await _ledger.Ask(new GetHistory("CN-PE"), Classification.Confidential), h => h.EventType == "pledge_reaffirmed.v1");
    }
}
