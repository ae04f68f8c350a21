using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Pledges;

public class CorrectionTests
{
    /// <summary>As <c>CorrectEntry</c> goes: the field and value checked first, then the decision.</summary>
    private static PledgeCorrected Correct(string field, string now, string reason = "misread the readout")
    {
        FieldErrors.Throw(PledgeCorrections.Check(field, now));
        return Assert.IsType<PledgeCorrected>(Then.Single(PledgeDecisions.Correct(Given.Pledge(PledgeMade()), field, now, reason)));
    }

    [Fact]
    public void correcting_the_text_records_what_it_was_and_what_it_is_now()
    {
        Then.Emitted(
            new PledgeCorrected(PledgeId, "text", PledgeText, "support phase-3 trials in Peru", "misread the readout", CnPe),
            Correct(" Text ", " support phase-3 trials in Peru ", " misread the readout "));
    }

    [Fact]
    public void correcting_the_text_to_nothing_is_rejected()
    {
        Assert.Equal(["now"], Then.RejectedFields(() => Correct("text", " ")));
    }

    [Fact]
    public void correcting_the_kind_accepts_any_case_and_records_the_canonical_name()
    {
        var corrected = Correct("kind", "intent");

        Assert.Equal(("Pledge", "Intent"), (corrected.Was, corrected.Now));
    }

    [Fact]
    public void correcting_the_kind_to_a_number_is_rejected()
    {
        Assert.Equal(["now"], Then.RejectedFields(() => Correct("kind", "1")));
    }

    [Fact]
    public void correcting_the_due_date_to_an_impossible_date_is_rejected()
    {
        Assert.Equal(["now"], Then.RejectedFields(() => Correct("due", "2021-13-40")));
    }

    [Fact]
    public void correcting_the_due_date_to_nothing_clears_it()
    {
        var corrected = Correct("due", "");

        Assert.Equal(("2021-06-30", ""), (corrected.Was, corrected.Now));
        Assert.Null(Given.Pledge(PledgeMade(), corrected).Due);
    }

    [Fact]
    public void correcting_a_field_to_the_value_it_already_has_is_rejected()
    {
        Assert.Equal("now", Then.ViolatedRule(() => Correct("due", " 2021-06-30 ")));
    }

    [Fact]
    public void correcting_an_unknown_field_is_rejected()
    {
        Assert.Equal(["field"], Then.RejectedFields(() => Correct("by", "PE")));
    }

    [Fact]
    public void correcting_a_retracted_pledge_is_rejected()
    {
        var state = Given.Pledge(PledgeMade(), PledgeRetracted());

        Assert.Equal("pledgeId", Then.ViolatedRule(() => PledgeDecisions.Correct(state, "topic", "health", "wrong topic")));
    }

    [Fact]
    public void correcting_the_status_to_retracted_is_rejected()
    {
        Assert.Equal(["now"], Then.RejectedFields(() => Correct("status", "Retracted")));
    }
}
