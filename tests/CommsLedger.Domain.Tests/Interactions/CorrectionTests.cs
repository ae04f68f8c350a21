using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Interactions;

public class CorrectionTests
{
    /// <summary>As <c>CorrectEntry</c> goes: the field and value checked first, then the decision.</summary>
    private static InteractionEntryCorrected Correct(Interaction state, Guid? statementId, string field, string now, string reason)
    {
        FieldErrors.Throw(InteractionCorrections.Check(statementId is not null, field, now));
        return Assert.IsType<InteractionEntryCorrected>(Then.Single(InteractionDecisions.Correct(state, statementId, field, now, reason)));
    }

    [Fact]
    public void correcting_a_statements_text_records_what_it_was_and_what_it_is_now()
    {
        var state = Given.Interaction(Logged(), StatementRecorded());

        var corrected = Correct(state, StatementId, "Text", " China will support trials ", " misquoted ");

        Then.Emitted(
            new InteractionEntryCorrected(InteractionId, StatementId, "text", SpeechText, "China will support trials", "misquoted", CnPe, Classification.Unclassified),
            corrected);
    }

    [Fact]
    public void a_second_correction_replaces_what_the_first_one_made()
    {
        var state = Given.Interaction(Logged(), StatementRecorded(),
            new InteractionEntryCorrected(InteractionId, StatementId, "speaker", "Wang Yi", "Wang Y.", "typo", CnPe, Classification.Unclassified));

        var corrected = Correct(state, StatementId, "speaker", "Wang Yi", "the first correction was wrong");

        Assert.Equal(("Wang Y.", "Wang Yi"), (corrected.Was, corrected.Now));
    }

    [Fact]
    public void correcting_the_kind_of_an_interaction_records_what_it_was()
    {
        var corrected = Correct(Given.Interaction(Logged()), null, "kind", "VideoCall", "it was on video");

        Assert.Equal(("kind", "PhoneCall", "VideoCall"), (corrected.Field, corrected.Was, corrected.Now));
    }

    [Fact]
    public void correcting_a_field_to_the_value_it_already_has_is_rejected()
    {
        var state = Given.Interaction(Logged());

        Assert.Equal("now", Then.ViolatedRule(() => Correct(state, null, "summary", Summary, "no change")));
    }

    [Fact]
    public void correcting_the_summary_to_itself_with_surrounding_spaces_is_rejected()
    {
        var state = Given.Interaction(Logged());

        Assert.Equal("now", Then.ViolatedRule(() => Correct(state, null, "summary", Summary + " ", "no change")));
    }

    [Fact]
    public void correcting_an_unknown_field_is_rejected()
    {
        var state = Given.Interaction(Logged());

        Assert.Equal(["field"], Then.RejectedFields(() => Correct(state, null, "venue", "Lima", "wrong venue")));
    }

    [Fact]
    public void correcting_a_statement_field_on_the_interaction_itself_is_rejected()
    {
        var state = Given.Interaction(Logged(), StatementRecorded());

        Assert.Equal(["field"], Then.RejectedFields(() => Correct(state, null, "text", "new text", "wrong place")));
    }

    [Fact]
    public void correcting_the_kind_to_something_that_is_not_a_kind_is_rejected()
    {
        var state = Given.Interaction(Logged());

        Assert.Equal(["now"], Then.RejectedFields(() => Correct(state, null, "kind", "Telegram", "wrong kind")));
    }

    [Fact]
    public void correcting_the_kind_to_a_number_is_rejected()
    {
        var state = Given.Interaction(Logged());

        Assert.Equal(["now"], Then.RejectedFields(() => Correct(state, null, "kind", "2", "wrong kind")));
    }

    [Fact]
    public void correcting_the_occurred_date_to_something_that_is_not_a_date_is_rejected()
    {
        var state = Given.Interaction(Logged());

        Assert.Equal(["now"], Then.RejectedFields(() => Correct(state, null, "occurred_on", "5 Nov 2020", "format")));
    }

    [Fact]
    public void correcting_a_statement_that_was_never_recorded_is_not_found()
    {
        var state = Given.Interaction(Logged());

        var error = Assert.Throws<EntryNotFound>(() => Correct(state, StatementId, "text", "anything", "typo"));

        Assert.Equal(StatementId, error.Id);
    }

    [Fact]
    public void correcting_a_retracted_statement_is_rejected()
    {
        var state = Given.Interaction(Logged(), StatementRecorded(), new StatementRetracted(InteractionId, StatementId, "misattributed", CnPe, Classification.Unclassified));

        Assert.Equal("statementId", Then.ViolatedRule(() => Correct(state, StatementId, "text", "anything", "typo")));
    }
}
