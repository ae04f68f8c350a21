using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Interactions;

public class RetractionTests
{
    [Fact]
    public void retracting_a_statement_records_why()
    {
        var state = Given.Interaction(Logged(), StatementRecorded());

        Then.Emitted(
            new StatementRetracted(InteractionId, StatementId, "misattributed", CnPe, Classification.Unclassified),
            InteractionDecisions.RetractStatement(state, StatementId, " misattributed "));
    }

    [Fact]
    public void retracting_a_statement_twice_is_rejected()
    {
        var state = Given.Interaction(Logged(), StatementRecorded(), new StatementRetracted(InteractionId, StatementId, "misattributed", CnPe, Classification.Unclassified));

        Assert.Equal("statementId", Then.ViolatedRule(() => InteractionDecisions.RetractStatement(state, StatementId, "again")));
    }

    [Fact]
    public void retracting_a_statement_that_was_never_recorded_is_not_found()
    {
        var state = Given.Interaction(Logged());

        Assert.Throws<EntryNotFound>(() => InteractionDecisions.RetractStatement(state, StatementId, "misattributed"));
    }

    [Fact]
    public void retracting_an_interaction_records_why_under_its_relationships()
    {
        Then.Emitted(InteractionRetracted(), InteractionDecisions.Retract(Given.Interaction(Logged()), "logged twice"));
    }

    [Fact]
    public void retracting_an_interaction_twice_is_rejected()
    {
        var state = Given.Interaction(Logged(), InteractionRetracted());

        Assert.Equal("interactionId", Then.ViolatedRule(() => InteractionDecisions.Retract(state, "still logged twice")));
    }

    [Fact]
    public void retracting_a_statement_of_a_retracted_interaction_is_rejected()
    {
        var state = Given.Interaction(Logged(), StatementRecorded(), InteractionRetracted());

        Assert.Equal("interactionId", Then.ViolatedRule(() => InteractionDecisions.RetractStatement(state, StatementId, "misattributed")));
    }
}
