using CommsLedger.Domain.Pledges;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Pledges;

public class ProgressTests
{
    private static readonly DateOnly AsOf = new(2020, 12, 15);

    [Fact]
    public void noting_progress_records_the_note_as_of_its_date()
    {
        var noted = PledgeDecisions.NoteProgress(Given.Pledge(PledgeMade()), " First trial volunteers enrolled in Lima ", AsOf);

        Then.Emitted(new PledgeProgressNoted(PledgeId, "First trial volunteers enrolled in Lima", AsOf, CnPe), noted);
    }

    [Fact]
    public void noting_progress_on_a_settled_pledge_is_still_accepted()
    {
        var state = Given.Pledge(PledgeMade(), new PledgeFulfilled(PledgeId, AsOf, "", CnPe));

        Assert.Equal(PledgeId, Assert.IsType<PledgeProgressNoted>(Then.Single(PledgeDecisions.NoteProgress(state, "Trial results published", AsOf))).PledgeId);
    }

    [Fact]
    public void noting_progress_on_a_retracted_pledge_is_rejected()
    {
        var state = Given.Pledge(PledgeMade(), PledgeRetracted());

        Assert.Equal("pledgeId", Then.ViolatedRule(() => PledgeDecisions.NoteProgress(state, "Trials started", AsOf)));
    }
}
