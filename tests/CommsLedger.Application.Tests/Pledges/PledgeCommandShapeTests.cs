using CommsLedger.Application.Pledges.Assessing;
using CommsLedger.Application.Pledges.ChangingStatus;
using CommsLedger.Application.Pledges.NotingProgress;
using CommsLedger.Domain.Pledges;

namespace CommsLedger.Application.Tests.Pledges;

/// <summary>What a pledge command must say before the pledge is read (its shape, checked in the pipeline).</summary>
public class PledgeCommandShapeTests
{
    private static readonly Guid PledgeId = Guid.NewGuid();
    private static readonly DateOnly On = new(2021, 3, 1);

    private static IEnumerable<string> Fields(Pipeline.IChecked command) => command.Check().Select(e => e.Field);

    [Theory]
    [InlineData(2)]
    [InlineData(-2)]
    public void a_score_off_the_g7_scale_is_rejected(int score)
    {
        Assert.Equal(["score"], Fields(new AssessCompliance(PledgeId, 1, score, "Trials ran in Lima", null, On)));
    }

    [Fact]
    public void an_assessment_without_a_rationale_is_rejected()
    {
        Assert.Equal(["rationale"], Fields(new AssessCompliance(PledgeId, 1, 1, "", null, On)));
    }

    [Fact]
    public void noting_empty_progress_is_rejected()
    {
        Assert.Equal(["note"], Fields(new NoteProgress(PledgeId, 1, " ", On)));
    }

    [Fact]
    public void a_status_change_or_progress_dated_outside_1900_to_2200_is_refused()
    {
        Assert.Equal(["on"], Fields(new ChangePledgeStatus(PledgeId, 1, PledgeStatus.Fulfilled, new DateOnly(1, 1, 1), "")));
        Assert.Equal(["asOf"], Fields(new NoteProgress(PledgeId, 1, "note", new DateOnly(9999, 12, 31))));
    }
}
