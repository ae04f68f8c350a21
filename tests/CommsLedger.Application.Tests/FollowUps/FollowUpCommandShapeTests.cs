using CommsLedger.Application.FollowUps.Cancelling;
using CommsLedger.Application.FollowUps.Completing;

namespace CommsLedger.Application.Tests.FollowUps;

/// <summary>What completing or cancelling a follow-up must say before it is looked up (its shape, checked in the pipeline).</summary>
public class FollowUpCommandShapeTests
{
    [Fact]
    public void completing_a_follow_up_without_an_outcome_is_rejected()
    {
        Assert.Equal(["outcome"], new CompleteFollowUp(Guid.NewGuid(), 2, "", new DateOnly(2020, 11, 30)).Check().Select(e => e.Field));
    }

    [Fact]
    public void cancelling_a_follow_up_without_a_reason_is_rejected()
    {
        Assert.Equal(["reason"], new CancelFollowUp(Guid.NewGuid(), 2, " ").Check().Select(e => e.Field));
    }
}
