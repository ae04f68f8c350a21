using CommsLedger.Domain.Pledges;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Pledges;

public class RetractionTests
{
    [Fact]
    public void retracting_a_pledge_records_why_under_its_relationships()
    {
        Then.Emitted(PledgeRetracted(), PledgeDecisions.Retract(Given.Pledge(PledgeMade()), " recorded in error "));
    }

    [Fact]
    public void retracting_a_settled_pledge_is_accepted()
    {
        var state = Given.Pledge(PledgeMade(), new PledgeBroken(PledgeId, new DateOnly(2021, 7, 1), "", CnPe));

        Then.Emitted(PledgeRetracted(), PledgeDecisions.Retract(state, "recorded in error"));
    }

    [Fact]
    public void retracting_a_pledge_twice_is_rejected()
    {
        var state = Given.Pledge(PledgeMade(), PledgeRetracted());

        Assert.Equal("pledgeId", Then.ViolatedRule(() => PledgeDecisions.Retract(state, "still in error")));
    }

}
