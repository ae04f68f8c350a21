using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Interactions;

/// <summary>Values PostgreSQL cannot store, and dates and zones no record can carry, are refused by name.</summary>
public class TextAndDateChecksTests
{
    /// <summary>As <c>LogInteraction</c> goes: the draft's shape checked first, then the decision.</summary>
    private static Decision Log(InteractionDraft draft)
    {
        FieldErrors.Throw(draft.Check());
        return InteractionDecisions.Log(draft, InteractionId, IdsFrom(1), Today);
    }

    [Fact]
    public void a_nul_character_or_a_lone_surrogate_in_a_text_is_refused_naming_the_field()
    {
        var draft = Call() with { Summary = "before\0after", Statements = [Statement("CN") with { Speaker = "Wang \ud800Yi" }] };

        Assert.Equal(["summary", "statements[0].speaker"], Then.RejectedFields(() => Log(draft)));
    }

    [Fact]
    public void too_many_topics_or_an_overlong_one_are_refused()
    {
        var many = Call() with { Statements = [Statement("CN") with { Topics = [.. Enumerable.Range(0, 51).Select(i => $"topic {i}")] }] };
        var overlong = Call() with { Statements = [Statement("CN") with { Topics = ["vaccines", new string('x', 201)] }] };

        Assert.Equal(["statements[0].topics"], Then.RejectedFields(() => Log(many)));
        Assert.Equal(["statements[0].topics[1]"], Then.RejectedFields(() => Log(overlong)));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("Asia/Nowhere")]
    [InlineData("+08:00")]
    public void an_unknown_time_zone_is_refused(string zone)
    {
        var draft = Call() with { Occurred = new OccurredAt(CallDate, new TimeOnly(15, 0), zone) };

        Assert.Equal(["timeZone"], Then.RejectedFields(() => Log(draft)));
    }

    [Fact]
    public void a_real_time_zone_is_kept()
    {
        var draft = Call() with { Occurred = new OccurredAt(CallDate, new TimeOnly(15, 0), "Asia/Shanghai") };

        Assert.Equal("Asia/Shanghai", ((InteractionLogged)Log(draft).Events[0]).Occurred.TimeZone);
    }
}
