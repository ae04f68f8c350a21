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

    [Theory]
    [InlineData("se reunió ayer", "2020-11-05")]
    [InlineData("conversó hoy", "2020-11-06")]
    [InlineData("este martes", "2020-11-03")]
    [InlineData("el pasado jueves", "2020-11-05")]
    [InlineData("el 2 de noviembre de 2020", "2020-11-02")]
    [InlineData("s'est entretenu hier", "2020-11-05")]
    [InlineData("s'est entretenue aujourd'hui", "2020-11-06")]
    [InlineData("a reçu mardi", "2020-11-03")]
    [InlineData("le 4 novembre 2020", "2020-11-04")]
    [InlineData("Jeudi, 5 Novembre 2020", "2020-11-05")]
    public void spanish_and_french_past_references_resolve_against_the_publication_date(string phrase, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TimeExpressions.Find(phrase, _fridayNov6, TimeDirection.Past).First(t => t.Day is not null).Day);

    [Theory]
    [InlineData("el 15 de enero de 2021", "2021-01-15", "day")]
    [InlineData("el próximo año", "2021-12-31", "year")]
    [InlineData("en marzo", "2021-03-31", "month")]
    [InlineData("el próximo mes de febrero", "2021-02-28", "month")]
    [InlineData("mañana sábado", "2020-11-07", "day")]
    [InlineData("l'année prochaine", "2021-12-31", "year")]
    [InlineData("d'ici trois mois", "2021-02-06", "day")]
    [InlineData("le mois prochain", "2020-12-31", "month")]
    [InlineData("demain", "2020-11-07", "day")]
    public void spanish_and_french_future_references_resolve_to_a_deadline(string phrase, string deadline, string precision)
    {
        var time = TimeExpressions.Find(phrase, _fridayNov6, TimeDirection.Future).First(t => t.IsResolved);
        Assert.Equal((DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), precision), (time.Deadline!.Value, time.PrecisionName));
    }

    [Fact]
    public void the_morning_is_not_tomorrow() =>
        Assert.DoesNotContain(TimeExpressions.Find("se reunieron por la mañana", _fridayNov6, TimeDirection.Past), t => t.Day == new DateOnly(2020, 11, 7));

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
