using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Interactions;

public class LoggingTests
{
    /// <summary>As <c>LogInteraction</c> goes: the draft's shape checked first, then the decision.</summary>
    private static Decision Log(InteractionDraft draft)
    {
        FieldErrors.Throw(draft.Check());
        return InteractionDecisions.Log(draft, InteractionId, IdsFrom(1), Today);
    }

    [Fact]
    public void logging_a_call_between_two_parties_records_its_parties_and_their_relationship()
    {
        var change = Log(Call());

        Then.Emitted(
            [new InteractionLogged(InteractionId, InteractionKind.PhoneCall, new OccurredAt(CallDate), [WangYi, MarioLopez],
                ["CN", "PE"], ["CN-PE"], Summary, Call().Source, Classification.Unclassified, ["041"])],
            change.Events);
        Assert.Empty(change.Others);
    }

    [Fact]
    public void logging_a_call_with_no_participants_is_rejected()
    {
        Assert.Equal(["participants"], Then.RejectedFields(() => Log(CallBetween())));
    }

    [Fact]
    public void logging_a_call_with_participants_from_one_party_only_is_rejected()
    {
        var draft = CallBetween(WangYi, MarioLopez with { Country = "cn" });

        Assert.Equal(["participants"], Then.RejectedFields(() => Log(draft)));
    }

    [Fact]
    public void logging_a_call_with_an_unknown_country_is_rejected()
    {
        var draft = CallBetween(WangYi with { Country = "XX" }, MarioLopez);

        Assert.Equal(["participants[0].country"], Then.RejectedFields(() => Log(draft)));
    }

    [Fact]
    public void logging_a_call_without_a_summary_is_rejected()
    {
        Assert.Equal(["summary"], Then.RejectedFields(() => Log(Call() with { Summary = "  " })));
    }

    [Fact]
    public void logging_a_call_that_occurs_in_the_future_is_rejected()
    {
        var draft = Call() with { Occurred = new OccurredAt(Today.AddDays(1)) };

        Assert.Equal("occurredOn", Then.ViolatedRule(() => Log(draft)));
    }

    [Fact]
    public void logging_a_call_that_occurred_today_is_accepted()
    {
        var change = Log(Call() with { Occurred = new OccurredAt(Today) });

        Assert.Equal(Today, Assert.IsType<InteractionLogged>(change.Events[0]).Occurred.Date);
    }

    [Fact]
    public void logging_normalises_country_codes_to_upper_case()
    {
        var draft = CallBetween(WangYi with { Country = " cn" }, MarioLopez with { Country = "pe" }) with { Statements = [Statement("cn")] };

        var change = Log(draft);

        var logged = Assert.IsType<InteractionLogged>(change.Events[0]);
        Assert.Equal(["CN", "PE"], logged.Participants.Select(p => p.Country));
        Assert.Equal(["CN", "PE"], logged.Parties);
        Assert.Equal("CN", Assert.IsType<StatementRecorded>(change.Events[1]).Country);
    }

    [Fact]
    public void logging_a_trilateral_call_puts_it_in_every_pair_of_its_parties()
    {
        var change = Log(CallBetween(WangYi, MarioLopez, ErnestoAraujo));

        Assert.Equal(["BR-CN", "BR-PE", "CN-PE"], Assert.IsType<InteractionLogged>(change.Events[0]).Relationships);
    }

    [Fact]
    public void logging_emits_the_interaction_then_statements_then_commitments_then_follow_ups()
    {
        var draft = Call() with
        {
            FollowUps = [FollowUp()],
            Commitments = [Commitment("CN", "PE"), Commitment("PE", null)],
            Statements = [Statement("CN"), Statement("PE")],
        };

        var change = Log(draft);

        Assert.Equal(
            [typeof(InteractionLogged), typeof(StatementRecorded), typeof(StatementRecorded),
                typeof(CommitmentRecorded), typeof(CommitmentRecorded), typeof(FollowUpScheduled)],
            change.Events.Select(e => e.GetType()));
    }

    [Fact]
    public void logging_starts_one_pledge_stream_per_commitment_that_begins_with_the_pledge_being_made()
    {
        var change = Log(Call() with { Commitments = [Commitment("CN", "PE"), Commitment("PE", "CN")] });

        var recorded = change.Events.OfType<CommitmentRecorded>().Select(c => c.PledgeId);
        Assert.Equal(recorded, change.Others.Select(p => p.StreamId));
        Assert.All(change.Others, p => Assert.Equal((true, p.StreamId), (p.Starts, Assert.IsType<PledgeMade>(p.Events[0]).PledgeId)));
    }

    [Fact]
    public void logging_puts_a_commitments_follow_ups_in_its_pledge_stream_and_the_rest_in_the_interaction()
    {
        var draft = Call() with
        {
            Commitments = [Commitment("CN", "PE") with { FollowUps = [FollowUp("Ask for the trial schedule")] }],
            FollowUps = [FollowUp("Prepare the 50th anniversary")],
        };

        var change = Log(draft);

        var pledge = Assert.Single(change.Others);
        Assert.Equal(pledge.StreamId, Id(1));
        Then.Emitted(
            new FollowUpScheduled(Id(2), Id(1), Id(1), "Ask for the trial schedule", "Americas desk", new DateOnly(2020, 12, 1), CnPe, Classification.Unclassified),
            pledge.Events[1]);
        Then.Emitted(
            new FollowUpScheduled(Id(3), InteractionId, null, "Prepare the 50th anniversary", "Americas desk", new DateOnly(2020, 12, 1), CnPe, Classification.Unclassified),
            change.Events[^1]);
    }
}
