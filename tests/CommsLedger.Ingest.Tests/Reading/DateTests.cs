using CommsLedger.Ingest.Dates;

namespace CommsLedger.Ingest.Tests.Reading;

public sealed class DateTests
{
    private static readonly DateOnly _fridayNov6 = new(2020, 11, 6);

    [Theory]
    [InlineData("said Thursday", "2020-11-05")]
    [InlineData("on Saturday night", "2020-10-31")]
    [InlineData("yesterday", "2020-11-05")]
    [InlineData("earlier today", "2020-11-06")]
    [InlineData("on Friday", "2020-11-06")]
    [InlineData("last Friday", "2020-10-30")]
    [InlineData("On November 5", "2020-11-05")]
    [InlineData("on 5 November 2020", "2020-11-05")]
    [InlineData("on Dec. 28", "2019-12-28")]
    public void past_references_resolve_against_the_publication_date(string phrase, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TimeExpressions.Find(phrase, _fridayNov6, TimeDirection.Past).Single().Day);

    [Theory]
    [InlineData("Next year", "2021-12-31", "year")]
    [InlineData("in the coming year", "2021-12-31", "year")]
    [InlineData("by the end of the year", "2020-12-31", "year")]
    [InlineData("in March", "2021-03-31", "month")]
    [InlineData("next month", "2020-12-31", "month")]
    [InlineData("on 14 May 2024", "2024-05-14", "day")]
    [InlineData("on Monday", "2020-11-09", "day")]
    [InlineData("within two weeks", "2020-11-20", "day")]
    [InlineData("in early 2022", "2022-12-31", "year")]
    public void future_references_resolve_to_a_deadline(string phrase, string deadline, string precision)
    {
        var time = TimeExpressions.Find(phrase, _fridayNov6, TimeDirection.Future).Single();
        Assert.Equal((DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), precision), (time.Deadline!.Value, time.PrecisionName));
    }

    [Fact]
    public void relative_references_without_a_publication_date_stay_unresolved() =>
        Assert.False(TimeExpressions.Find("said Thursday", null, TimeDirection.Past).Single().IsResolved);

    [Fact]
    public void a_dateline_gives_the_publication_date_and_leaves_the_first_sentence()
    {
        var draft = ReadoutExtractor.Extract("WASHINGTON, March 3, 2021 (AP) — President Joe Biden spoke by phone on Tuesday with Prime Minister Narendra Modi of India, the White House said.");
        Assert.Equal((new DateOnly(2021, 3, 3), new DateOnly(2021, 3, 2)), (draft.PublicationDate, draft.DateOfInteraction));
    }
}
