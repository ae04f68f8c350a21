using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Interactions;

public class StatementTests
{
    /// <summary>As <c>AddStatement</c> goes: the statement's shape checked first, then the decision.</summary>
    private static Decision Add(Interaction state, StatementDraft draft)
    {
        FieldErrors.Check(errors => draft.Check(errors, ""));
        return InteractionDecisions.AddStatement(state, draft, StatementId);
    }

    [Fact]
    public void adding_a_statement_records_it_under_the_interactions_relationships()
    {
        var state = Given.Interaction(Logged());

        var recorded = Add(state, new StatementDraft(" Mario Lopez ", "pe", " Peru welcomes investment ", ["trade", " ", " investment"]));

        Then.Emitted(
            new StatementRecorded(InteractionId, StatementId, "Mario Lopez", "PE", "Peru welcomes investment", ["trade", "investment"], Classification.Unclassified, CnPe),
            recorded);
    }

    [Fact]
    public void a_statement_marked_with_its_own_classification_keeps_it()
    {
        var state = Given.Interaction(Logged());

        var recorded = Add(state, Statement("CN") with { Classification = Classification.Secret });

        Assert.Equal(Classification.Secret, Assert.IsType<StatementRecorded>(Then.Single(recorded)).Classification);
    }

    [Fact]
    public void adding_a_statement_by_a_speaker_whose_country_is_not_a_party_is_rejected()
    {
        var state = Given.Interaction(Logged());

        Assert.Equal(["country"], Then.RejectedFields(() => Add(state, Statement("BR"))));
    }

    [Fact]
    public void logging_a_statement_by_a_country_that_is_not_a_party_names_the_statement()
    {
        var draft = Call() with { Statements = [Statement("CN"), Statement("US")] };

        Assert.Equal(["statements[1].country"], Then.RejectedFields(draft.Check()));
    }

    [Fact]
    public void adding_a_statement_without_text_is_rejected()
    {
        var state = Given.Interaction(Logged());

        Assert.Equal(["text"], Then.RejectedFields(() => Add(state, Statement("CN") with { Text = "" })));
    }

    [Fact]
    public void adding_a_statement_to_a_retracted_interaction_is_rejected()
    {
        var state = Given.Interaction(Logged(), InteractionRetracted());

        Assert.Equal("interactionId", Then.ViolatedRule(() => Add(state, Statement("CN"))));
    }
}
