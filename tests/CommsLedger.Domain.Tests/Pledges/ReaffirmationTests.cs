using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Pledges;

/// <summary>A later interaction restates a pledge already recorded: the interaction records the commitment under the
/// pledge's id, and the pledge stream gets <see cref="PledgeReaffirmed"/>.</summary>
public class ReaffirmationTests
{
    private static readonly Guid LaterCallId = Id(500);
    private static readonly DateOnly LaterCallDate = new(2021, 3, 1);
    private const string Restated = "both sides reaffirmed the Sinopharm trials";

    private static InteractionLogged LaterCall(Classification classification = Classification.Unclassified) =>
        Logged() with { InteractionId = LaterCallId, Occurred = new OccurredAt(LaterCallDate), Classification = classification };

    private static CommitmentDraft Reaffirming(string by = "CN", string? to = "PE", Guid? pledge = null) =>
        new(by, to, CommitmentKind.Pledge, Restated, "", null, [], [], Reaffirms: pledge ?? PledgeId);

    private static Dictionary<Guid, Pledge> Visible(params Pledge[] pledges) => pledges.ToDictionary(p => p.Id);

    /// <summary>As <c>AddCommitment</c> goes: the commitment's shape checked first, then the decision.</summary>
    private static Decision Add(Interaction state, CommitmentDraft draft, IReadOnlyDictionary<Guid, Pledge>? pledges)
    {
        FieldErrors.Check(errors => draft.Check(errors, ""));
        return InteractionDecisions.AddCommitment(state, draft, Id(999), IdsFrom(1), pledges);
    }

    private static IEnumerable<PledgeReaffirmed> Reaffirmations(Decision decision) =>
        decision.Others.Where(o => !o.Starts).SelectMany(o => o.Events).Cast<PledgeReaffirmed>();

    private static IEnumerable<OtherStream> NewPledges(Decision decision) => decision.Others.Where(o => o.Starts);

    [Fact]
    public void the_stored_name_of_a_reaffirmation_is_pinned()
    {
        Assert.Equal("pledge_reaffirmed.v1", EventCatalogue.StoredNames[typeof(PledgeReaffirmed)]);
    }

    [Fact]
    public void a_commitment_that_reaffirms_a_pledge_is_recorded_under_that_pledge_and_starts_no_new_one()
    {
        var change = Add(Given.Interaction(LaterCall()), Reaffirming(), Visible(Given.Pledge(PledgeMade())));

        Then.Emitted([new CommitmentRecorded(LaterCallId, PledgeId, "CN", "PE", Restated, Classification.Unclassified)], change.Events);
        Then.Emitted([new PledgeReaffirmed(PledgeId, LaterCallId, "CN", "PE", Restated, LaterCallDate, CnPe, Classification.Unclassified)], Reaffirmations(change));
        Assert.Equal(PledgeId, change.EntryId);
        Assert.Empty(NewPledges(change));
    }

    [Fact]
    public void an_interaction_logged_from_a_file_reaffirms_a_pledge_among_its_commitments()
    {
        var draft = CallBetween(WangYi, MarioLopez) with { Commitments = [Commitment("CN", "PE"), Reaffirming()] };

        var change = InteractionDecisions.Log(draft, LaterCallId, IdsFrom(1), Today, Visible(Given.Pledge(PledgeMade())));

        Assert.Single(NewPledges(change));
        var reaffirmed = Assert.Single(Reaffirmations(change));
        Assert.Equal((PledgeId, LaterCallId, CallDate), (reaffirmed.PledgeId, reaffirmed.InteractionId, reaffirmed.ReaffirmedOn));
        Assert.Equal(2, change.Events.OfType<CommitmentRecorded>().Count());
    }

    [Fact]
    public void reaffirming_a_pledge_that_is_not_there_is_rejected_naming_the_field()
    {
        var errors = Then.RejectedFields(() => Add(Given.Interaction(LaterCall()), Reaffirming(), Visible()));

        Assert.Equal(["reaffirms"], errors);
    }

    [Fact]
    public void in_a_file_the_missing_pledge_is_named_by_its_json_path()
    {
        var draft = CallBetween(WangYi, MarioLopez) with { Commitments = [Commitment("CN", "PE"), Reaffirming()] };

        Assert.Equal(["commitments[1].reaffirms"], Then.RejectedFields(() => InteractionDecisions.Log(draft, LaterCallId, IdsFrom(1), Today, Visible())));
    }

    [Fact]
    public void a_pledge_of_another_relationship_cannot_be_reaffirmed_here()
    {
        var cnUs = Given.Pledge(PledgeMade() with { To = "US", Relationships = ["CN-US"] });

        Assert.Equal("reaffirms", Then.ViolatedRule(() => Add(Given.Interaction(LaterCall()), Reaffirming(), Visible(cnUs))));
    }

    [Fact]
    public void a_retracted_pledge_cannot_be_reaffirmed()
    {
        var retracted = Given.Pledge(PledgeMade(), PledgeRetracted());

        Assert.Equal("reaffirms", Then.ViolatedRule(() => Add(Given.Interaction(LaterCall()), Reaffirming(), Visible(retracted))));
    }

    [Fact]
    public void a_reaffirmation_takes_no_topic_due_date_codes_or_follow_ups_of_its_own()
    {
        var draft = Reaffirming() with { Topic = "trade", Due = PledgeDue, CameoCodes = ["041"], FollowUps = [FollowUp()] };

        var errors = Then.RejectedFields(() => Add(Given.Interaction(LaterCall()), draft, Visible(Given.Pledge(PledgeMade()))));

        Assert.Equal(["topic", "due", "followUps", "cameoCodes"], errors);
    }

    [Fact]
    public void a_reaffirmation_in_a_secret_meeting_is_as_secret_as_the_meeting()
    {
        var change = Add(Given.Interaction(LaterCall(Classification.Secret)), Reaffirming(), Visible(Given.Pledge(PledgeMade())));

        Assert.Equal(Classification.Secret, Assert.Single(Reaffirmations(change)).Classification);
        Assert.Equal(Classification.Secret, Assert.IsType<CommitmentRecorded>(Assert.Single(change.Events)).Classification);
    }

    [Fact]
    public void an_import_cannot_link_a_reaffirmation()
    {
        var draft = CallBetween(WangYi, MarioLopez) with { Commitments = [Reaffirming()] };

        Assert.Equal("commitments[0].reaffirms", Then.ViolatedRule(() => InteractionDecisions.Log(draft, LaterCallId, IdsFrom(1), Today)));
    }

    [Fact]
    public void a_reaffirmation_leaves_the_pledge_as_it_was_for_later_decisions()
    {
        var reaffirmed = new PledgeReaffirmed(PledgeId, LaterCallId, "CN", "PE", Restated, LaterCallDate, CnPe, Classification.Unclassified);

        Assert.Equal(Given.Pledge(PledgeMade()), Given.Pledge(PledgeMade(), reaffirmed));
    }
}
