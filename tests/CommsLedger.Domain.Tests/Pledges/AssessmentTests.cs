using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Pledges;

public class AssessmentTests
{
    private static readonly Guid AssessmentId = Id(500);
    private static readonly DateOnly AssessedOn = new(2021, 7, 1);

    private static Decision Assess(Pledge state, int score, string rationale = "Trials ran in Lima", string? evidence = null) =>
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

    [Fact]
    public void assessing_a_retracted_pledge_is_rejected()
    {
        var state = Given.Pledge(PledgeMade(), PledgeRetracted());

        Assert.Equal("pledgeId", Then.ViolatedRule(() => Assess(state, 1)));
    }
}
