using CommsLedger.Domain.Pledges;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Pledges;

public class AssessmentTests
{
    private static readonly Guid AssessmentId = Id(500);
    private static readonly DateOnly AssessedOn = new(2021, 7, 1);

    private static ComplianceAssessed Assess(Pledge state, int score, string rationale = "Trials ran in Lima", string? evidence = null) =>
        PledgeDecisions.Assess(state, AssessmentId, score, rationale, evidence, AssessedOn);

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void a_score_on_the_g7_scale_is_accepted(int score)
    {
        Then.Emitted(
            new ComplianceAssessed(PledgeId, AssessmentId, score, "Trials ran in Lima", "https://example.org/report", AssessedOn, CnPe),
            Assess(Given.Pledge(PledgeMade()), score, " Trials ran in Lima ", " https://example.org/report "));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-2)]
    public void a_score_off_the_g7_scale_is_rejected(int score)
    {
        Assert.Equal(["score"], Then.RejectedFields(() => Assess(Given.Pledge(PledgeMade()), score)));
    }

    [Fact]
    public void an_assessment_without_a_rationale_is_rejected()
    {
        Assert.Equal(["rationale"], Then.RejectedFields(() => Assess(Given.Pledge(PledgeMade()), 1, "")));
    }

    [Fact]
    public void assessing_a_retracted_pledge_is_rejected()
    {
        var state = Given.Pledge(PledgeMade(), PledgeRetracted());

        Assert.Equal("pledgeId", Then.ViolatedRule(() => Assess(state, 1)));
    }
}
