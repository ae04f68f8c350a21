using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.FollowUps;

public class FollowUpTests
{
    private static readonly DateOnly CompletedOn = new(2020, 11, 30);

    [Fact]
    public void a_follow_up_scheduled_on_an_interaction_is_tied_to_no_pledge()
    {
        var scheduled = InteractionDecisions.ScheduleFollowUp(Given.Interaction(Logged()), FollowUp(" Follow up on vaccine procurement "), FollowUpId);

        Then.Emitted(FollowUpScheduledOnInteraction(), scheduled);
    }

    [Fact]
    public void a_follow_up_scheduled_on_a_pledge_is_tied_to_that_pledge()
    {
        var scheduled = PledgeDecisions.ScheduleFollowUp(Given.Pledge(PledgeMade()), FollowUp("Ask for the trial schedule"), FollowUpId);

        Then.Emitted(FollowUpScheduledOnPledge(), scheduled);
    }

    [Fact]
    public void a_follow_up_without_an_owner_is_rejected()
    {
        var draft = FollowUp() with { Owner = "" };

        Assert.Equal(["owner"], Then.RejectedFields(FieldErrors.Of(errors => draft.Check(errors, ""))));
    }

    [Fact]
    public void scheduling_a_follow_up_on_a_retracted_pledge_is_rejected()
    {
        var state = Given.Pledge(PledgeMade(), PledgeRetracted());

        Assert.Equal("pledgeId", Then.ViolatedRule(() => PledgeDecisions.ScheduleFollowUp(state, FollowUp(), FollowUpId)));
    }

    [Fact]
    public void completing_an_open_follow_up_records_its_outcome()
    {
        var state = Given.Pledge(PledgeMade(), FollowUpScheduledOnPledge());

        Then.Emitted(
            new FollowUpCompleted(FollowUpId, PledgeId, PledgeId, "Schedule received", CompletedOn, CnPe),
            FollowUpDecisions.Complete(state, FollowUpId, " Schedule received ", CompletedOn));
    }

    [Fact]
    public void completing_a_follow_up_twice_is_rejected()
    {
        var state = Given.Pledge(PledgeMade(), FollowUpScheduledOnPledge(),
            new FollowUpCompleted(FollowUpId, PledgeId, PledgeId, "Schedule received", CompletedOn, CnPe));

        Assert.Equal("followUpId", Then.ViolatedRule(() => FollowUpDecisions.Complete(state, FollowUpId, "again", CompletedOn)));
    }

    [Fact]
    public void completing_a_cancelled_follow_up_is_rejected()
    {
        var state = Given.Interaction(Logged(), FollowUpScheduledOnInteraction(),
            new FollowUpCancelled(FollowUpId, InteractionId, null, "no longer needed", CnPe));

        Assert.Equal("followUpId", Then.ViolatedRule(() => FollowUpDecisions.Complete(state, FollowUpId, "done", CompletedOn)));
    }

    [Fact]
    public void cancelling_an_open_follow_up_records_why()
    {
        var state = Given.Interaction(Logged(), FollowUpScheduledOnInteraction());

        Then.Emitted(
            new FollowUpCancelled(FollowUpId, InteractionId, null, "procurement handled by the health ministry", CnPe),
            FollowUpDecisions.Cancel(state, FollowUpId, "procurement handled by the health ministry"));
    }

    [Fact]
    public void cancelling_a_follow_up_that_was_never_scheduled_is_rejected()
    {
        Assert.Equal("followUpId", Then.ViolatedRule(() => FollowUpDecisions.Cancel(Given.Pledge(PledgeMade()), FollowUpId, "not needed")));
    }

}
