using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Interactions;

public class StatementTests
{
    [Fact]
    public void adding_a_statement_records_it_under_the_interactions_relationships()
    {
        var state = Given.Interaction(Logged());

        var recorded = InteractionDecisions.AddStatement(state, new StatementDraft(" Mario Lopez ", "pe", " Peru welcomes investment ", ["trade", " ", " investment"]), StatementId);

        Then.Emitted(
            new StatementRecorded(InteractionId, StatementId, "Mario Lopez", "PE", "Peru welcomes investment", ["trade", "investment"], Classification.Unclassified, CnPe),
            recorded);
    }

    [Fact]
    public void a_statement_marked_with_its_own_classification_keeps_it()
    {
        var state = Given.Interaction(Logged());

        var recorded = InteractionDecisions.AddStatement(state, Statement("CN") with { Classification = Classification.Secret }, StatementId);

        Assert.Equal(Classification.Secret, recorded.Classification);
    }

    [Fact]
    public void adding_a_statement_by_a_speaker_whose_country_is_not_a_party_is_rejected()
    {
        var state = Given.Interaction(Logged());

        Assert.Equal(["country"], Then.RejectedFields(() => InteractionDecisions.AddStatement(state, Statement("BR"), StatementId)));
    }

    [Fact]
    public void logging_a_statement_by_a_country_that_is_not_a_party_names_the_statement()
    {
        var draft = Call() with { Statements = [Statement("CN"), Statement("US")] };

        Assert.Equal(["statements[1].country"], Then.RejectedFields(() => InteractionDecisions.Log(draft, InteractionId, IdsFrom(1), Today)));
    }

    [Fact]
    public void adding_a_statement_without_text_is_rejected()
    {
        var state = Given.Interaction(Logged());

        Assert.Equal(["text"], Then.RejectedFields(() => InteractionDecisions.AddStatement(state, Statement("CN") with { Text = "" }, StatementId)));
    }

    [Fact]
    public void adding_a_statement_to_a_retracted_interaction_is_rejected()
    {
        var state = Given.Interaction(Logged(), InteractionRetracted());

        Assert.Equal("interactionId", Then.ViolatedRule(() => InteractionDecisions.AddStatement(state, Statement("CN"), StatementId)));
    }
}
