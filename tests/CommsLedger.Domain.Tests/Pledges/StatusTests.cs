using CommsLedger.Domain.Pledges;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Pledges;

public class StatusTests
{
    private static readonly DateOnly On = new(2021, 3, 1);

    [Fact]
    public void fulfilling_an_open_pledge_records_that_it_was_fulfilled()
    {
        var outcome = PledgeDecisions.ChangeStatus(Given.Pledge(PledgeMade()), PledgeStatus.Fulfilled, On, " trials completed ");

        Then.Emitted(new PledgeFulfilled(PledgeId, On, "trials completed", CnPe), outcome);
    }

    [Theory]
    [InlineData(PledgeStatus.PartiallyFulfilled, typeof(PledgePartiallyFulfilled))]
    [InlineData(PledgeStatus.Broken, typeof(PledgeBroken))]
    [InlineData(PledgeStatus.Withdrawn, typeof(PledgeWithdrawn))]
    [InlineData(PledgeStatus.Lapsed, typeof(PledgeLapsed))]
    public void each_outcome_is_recorded_as_its_own_event(PledgeStatus status, Type expected)
    {
        var outcome = Assert.IsAssignableFrom<IPledgeOutcome>(Then.Single(PledgeDecisions.ChangeStatus(Given.Pledge(PledgeMade()), status, On, "")));

        Assert.Equal((expected, status), (outcome.GetType(), outcome.Status));
    }

    [Fact]
    public void changing_the_status_of_a_fulfilled_pledge_is_rejected()
    {
        var state = Given.Pledge(PledgeMade(), new PledgeFulfilled(PledgeId, On, "", CnPe));

        Assert.Equal("status", Then.ViolatedRule(() => PledgeDecisions.ChangeStatus(state, PledgeStatus.Broken, On, "")));
    }

    [Fact]
    public void a_partially_fulfilled_pledge_can_become_fulfilled()
    {
        var state = Given.Pledge(PledgeMade(), new PledgePartiallyFulfilled(PledgeId, On, "", CnPe));

        Assert.IsType<PledgeFulfilled>(Then.Single(PledgeDecisions.ChangeStatus(state, PledgeStatus.Fulfilled, On.AddMonths(1), "")));
    }

    [Fact]
    public void marking_a_partially_fulfilled_pledge_partially_fulfilled_again_is_rejected()
    {
        var state = Given.Pledge(PledgeMade(), new PledgePartiallyFulfilled(PledgeId, On, "", CnPe));

        Assert.Equal("status", Then.ViolatedRule(() => PledgeDecisions.ChangeStatus(state, PledgeStatus.PartiallyFulfilled, On, "")));
    }

    [Fact]
    public void a_fulfilled_status_corrected_back_to_open_lets_the_pledge_be_broken()
    {
        var state = Given.Pledge(PledgeMade(), new PledgeFulfilled(PledgeId, On, "", CnPe),
            new PledgeCorrected(PledgeId, "status", "Fulfilled", "Open", "recorded on the wrong pledge", CnPe));

        Assert.IsType<PledgeBroken>(Then.Single(PledgeDecisions.ChangeStatus(state, PledgeStatus.Broken, On, "")));
    }

    [Fact]
    public void open_is_not_an_outcome()
    {
        var state = Given.Pledge(PledgeMade(), new PledgePartiallyFulfilled(PledgeId, On, "", CnPe));

        Assert.Equal(["status"], Then.RejectedFields(() => PledgeDecisions.ChangeStatus(state, PledgeStatus.Open, On, "")));
    }

    [Fact]
    public void retracted_is_not_an_outcome()
    {
        Assert.Equal(["status"], Then.RejectedFields(() => PledgeDecisions.ChangeStatus(Given.Pledge(PledgeMade()), PledgeStatus.Retracted, On, "")));
    }

    [Fact]
    public void changing_the_status_of_a_retracted_pledge_is_rejected()
    {
        var state = Given.Pledge(PledgeMade(), PledgeRetracted());

        Assert.Equal("pledgeId", Then.ViolatedRule(() => PledgeDecisions.ChangeStatus(state, PledgeStatus.Fulfilled, On, "")));
    }
}
