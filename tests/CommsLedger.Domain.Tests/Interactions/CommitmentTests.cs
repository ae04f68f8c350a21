using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Interactions;

public class CommitmentTests
{
    /// <summary>As <c>AddCommitment</c> goes: the commitment's shape checked first, then the decision.</summary>
    private static Decision Add(Interaction state, CommitmentDraft draft)
    {
        FieldErrors.Check(errors => draft.Check(errors, ""));
        return InteractionDecisions.AddCommitment(state, draft, PledgeId, IdsFrom(1));
    }

    [Fact]
    public void adding_a_commitment_records_it_and_starts_its_pledge_stream()
    {
        var change = Add(Given.Interaction(Logged()), Commitment("cn", "pe"));

        Then.Emitted([new CommitmentRecorded(InteractionId, PledgeId, "CN", "PE", PledgeText, Classification.Unclassified)], change.Events);
        var pledge = Assert.Single(change.Others);
        Then.Emitted(
            [new PledgeMade(PledgeId, InteractionId, "CN", "PE", CommitmentKind.Pledge, PledgeText, "vaccines", PledgeDue, CallDate, CnPe, Classification.Unclassified, [])],
            pledge.Events);
    }

    [Fact]
    public void a_pledge_is_made_on_the_date_the_interaction_occurred_as_corrected()
    {
        var state = Given.Interaction(Logged(), new InteractionEntryCorrected(InteractionId, null, "occurred_on", "2020-11-05", "2020-11-04", "typo", CnPe, Classification.Unclassified));

        var made = Assert.IsType<PledgeMade>(Add(state, Commitment("CN", "PE")).Others[0].Events[0]);

        Assert.Equal(new DateOnly(2020, 11, 4), made.MadeOn);
    }

    [Fact]
    public void a_commitment_by_a_party_to_itself_is_rejected()
    {
        Assert.Equal(["to"], Then.RejectedFields(() => Add(Given.Interaction(Logged()), Commitment("CN", "cn"))));
    }

    [Fact]
    public void a_commitment_to_a_country_that_is_not_a_party_is_rejected()
    {
        Assert.Equal(["to"], Then.RejectedFields(() => Add(Given.Interaction(Logged()), Commitment("CN", "BR"))));
    }

    [Fact]
    public void a_commitment_by_a_country_that_is_not_a_party_is_rejected()
    {
        Assert.Equal(["by"], Then.RejectedFields(() => Add(Given.Interaction(Logged()), Commitment("US", null))));
    }

    [Fact]
    public void a_general_commitment_in_a_trilateral_call_counts_for_every_pair_that_includes_its_maker()
    {
        var change = Add(Given.Interaction(LoggedWithBrazil()), Commitment("CN", null));

        Assert.Equal(["BR-CN", "CN-PE"], Assert.IsType<PledgeMade>(change.Others[0].Events[0]).Relationships);
    }

    [Fact]
    public void a_directed_commitment_in_a_trilateral_call_counts_for_just_its_pair()
    {
        var change = Add(Given.Interaction(LoggedWithBrazil()), Commitment("PE", "CN"));

        Assert.Equal(["CN-PE"], Assert.IsType<PledgeMade>(change.Others[0].Events[0]).Relationships);
    }

    [Fact]
    public void adding_a_commitment_to_a_retracted_interaction_is_rejected()
    {
        var state = Given.Interaction(Logged(), InteractionRetracted());

        Assert.Equal("interactionId", Then.ViolatedRule(() => Add(state, Commitment("CN", "PE"))));
    }
}
