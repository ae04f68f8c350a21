namespace CommsLedger.Ingest.Tests.Reading;

/// <summary>Who took part, on readouts written for these tests: offices without names, organisations and lists of countries.</summary>
public sealed class ParticipantTests
{
    [Fact]
    public void an_office_named_alone_belongs_to_the_publisher_and_a_namesake_of_another_country_stays_apart()
    {
        var draft = ReadoutExtractor.Extract(
            "source: https://www.gov.uk/government/news/pm-meeting-with-prime-minister-costa\ndate: 2024-10-02\n\n" +
            "The Prime Minister met the Prime Minister of Portugal, Rui Costa, in Downing Street today. The Prime Minister said the UK would back Portugal's bid to host the 2030 climate summit.");
        Assert.Equal(["GB", "PT"], draft.Relationship);
        Assert.Equal(("GB", "PT"), (draft.Commitments.Single().By, draft.Commitments.Single().To));
    }

    [Fact]
    public void without_a_known_publisher_the_office_alone_gets_a_warning_not_a_country_of_the_publisher()
    {
        var draft = ReadoutExtractor.Extract("date: 2024-10-02\n\nThe Prime Minister spoke to President Ana Ruiz of Chile this afternoon.");
        Assert.Contains("CL", draft.Relationship);
        Assert.DoesNotContain(draft.Warnings, w => w.Contains("from the source address", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Readout of a Call with President Ana Ruiz of Chile\nThe White House", "The President", "US")]
    [InlineData("Ministry of Foreign Affairs of Japan\nTelephone Talk with the President of Chile", "The Prime Minister", "JP")]
    public void without_a_source_address_the_header_naming_a_seat_or_ministry_of_one_country_is_the_publisher(string header, string office, string publisher)
    {
        var draft = ReadoutExtractor.Extract("date: 2024-10-02\n\n" + header + "\n\n" + office + " spoke with President Ana Ruiz of Chile this afternoon.");
        Assert.Equal(["CL", publisher], draft.Relationship);
        Assert.Contains(draft.Warnings, w => w.Contains("from the text's header", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("UN Secretary-General Amina Okafor met President Ana Ruiz of Chile in New York.", "UNO")]
    [InlineData("NATO Secretary General Lars Berg met President Ana Ruiz of Chile in Brussels.", "NATO")]
    [InlineData("The Chairperson of the African Union Commission, H.E. Kwame Mensah, received President Ana Ruiz of Chile in Addis Ababa.", "AFU")]
    [InlineData("European Council President Luc Moreau met President Ana Ruiz of Chile in Brussels.", "EU")]
    [InlineData("EU High Representative Marta Sanz met President Ana Ruiz of Chile in Brussels.", "EU")]
    public void officials_of_international_organisations_get_the_organisations_code_not_the_venues(string sentence, string code)
    {
        var draft = ReadoutExtractor.Extract("date: 2024-05-02\n\n" + sentence);
        Assert.Equal([code, "CL"], draft.Participants.Select(p => p.Country));
    }

    [Fact]
    public void the_secretary_general_alone_on_the_un_site_is_the_un()
    {
        var draft = ReadoutExtractor.Extract("source: https://press.un.org/en/2024/sgsm99999.doc.htm\ndate: 2024-05-02\n\nThe Secretary-General met today with the President of Chile, Ana Ruiz.");
        Assert.Equal(["CL", "UNO"], draft.Relationship);
    }

    [Fact]
    public void every_country_of_a_list_of_leaders_takes_part_with_the_eus_presidents()
    {
        var draft = ReadoutExtractor.Extract(
            "date: 2023-02-24\n\nToday, the leaders of Canada, France, Germany, Italy, Japan, the United Kingdom and the United States held a video conference, " +
            "joined by the President of the European Commission and the President of the European Council. They agreed to coordinate sanctions.");
        Assert.Equal(["CA", "DE", "EU", "FR", "GB", "IT", "JP", "US"], draft.Relationship);
        Assert.Equal("video", draft.Channel);
        Assert.Equal("CA+DE+EU+FR+GB+IT+JP+US", draft.Commitments.Single().By);
    }

    [Fact]
    public void a_trilateral_meeting_has_three_parties_and_their_joint_commitments()
    {
        var draft = ReadoutExtractor.Extract(
            "date: 2023-04-12\n\nForeign Minister Lina Berzina of Latvia held a trilateral meeting with Lithuanian Foreign Minister, Tomas Kairys, and Estonian Foreign Minister Kadri Tamm. " +
            "The Foreign Ministers of Latvia, Lithuania and Estonia agreed to synchronise their electricity grids with Europe.");
        Assert.Equal(["EE", "LT", "LV"], draft.Relationship);
        Assert.Equal("EE+LT+LV", draft.Commitments.Single().By);
    }
}
