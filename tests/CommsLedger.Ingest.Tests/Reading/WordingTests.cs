namespace CommsLedger.Ingest.Tests.Reading;

/// <summary>Short readouts, one wording each: channels, people patterns, speakers and commitment kinds.</summary>
public sealed class WordingTests
{
    [Theory]
    [InlineData("Chinese Foreign Minister Wang Yi held a video call with Peruvian Foreign Minister Mario Lopez on Thursday.", "video")]
    [InlineData("Chinese Foreign Minister Wang Yi had a telephone talk with Peruvian Foreign Minister Mario Lopez on Thursday.", "phone")]
    [InlineData("Chinese Foreign Minister Wang Yi met with Peruvian Foreign Minister Mario Lopez in Beijing on Thursday.", "meeting")]
    [InlineData("Peruvian Foreign Minister Mario Lopez, on an official visit to China, met Chinese Foreign Minister Wang Yi on Thursday.", "visit")]
    [InlineData("Chinese Foreign Minister Wang Yi sent a letter to Peruvian Foreign Minister Mario Lopez on Thursday.", "letter")]
    [InlineData("Chinese Foreign Minister Wang Yi said on Thursday he will visit Peru next year to meet Peruvian Foreign Minister Mario Lopez.", "other")]
    public void the_channel_comes_from_the_wording(string text, string channel) =>
        Assert.Equal(channel, ReadoutExtractor.Extract("date 2020-11-06 " + text).Channel);

    [Theory]
    [InlineData("Prime Minister Narendra Modi of India", "Narendra Modi", "Prime Minister", "IN")]
    [InlineData("the Prime Minister of India, Narendra Modi,", "Narendra Modi", "Prime Minister", "IN")]
    [InlineData("President of France Emmanuel Macron", "Emmanuel Macron", "President", "FR")]
    [InlineData("U.S. Secretary of State Antony Blinken", "Antony Blinken", "Secretary of State", "US")]
    [InlineData("Peru's Foreign Minister Mario Lopez", "Mario Lopez", "Foreign Minister", "PE")]
    [InlineData("Mario Lopez, Peru's foreign minister,", "Mario Lopez", "Foreign Minister", "PE")]
    [InlineData("European Commission President Ursula von der Leyen", "Ursula von der Leyen", "European Commission President", "EU")]
    public void people_are_read_from_the_usual_title_patterns(string person, string name, string title, string country)
    {
        var draft = ReadoutExtractor.Extract($"date 2021-03-03 {person} held a phone call with Japanese Prime Minister Kenji Aoyama on Tuesday.");
        Assert.Contains(new DraftParticipant(name, title, country), draft.Participants);
    }

    [Fact]
    public void for_his_part_switches_the_pronoun_to_the_other_participant()
    {
        var draft = ReadoutExtractor.Extract(
            "date 2020-11-06 Chinese Foreign Minister Wang Yi had a phone call with Peruvian Foreign Minister Mario Lopez on Thursday. " +
            "Wang said China will help Peru. For his part, he said Peru will buy Chinese goods.");
        Assert.Equal(["Wang Yi", "Mario Lopez"], draft.Statements.Select(s => s.Speaker));
        Assert.Equal(["CN", "PE"], draft.Commitments.Select(c => c.By));
    }

    [Theory]
    [InlineData("Wang said China will help Peru build a railway.", "pledge", "China will help Peru build a railway")]
    [InlineData("Wang said China stands ready to help Peru.", "intent", "China stands ready to help Peru")]
    [InlineData("Wang offered to send experts to Peru.", "offer", "Wang offered to send experts to Peru")]
    [InlineData("Wang urged Peru to protect Chinese workers.", "request", "Wang urged Peru to protect Chinese workers")]
    [InlineData("The two ministers agreed to open a new consulate.", "agreement", "The two ministers agreed to open a new consulate")]
    public void commitment_kinds_come_from_the_verb(string sentence, string kind, string clause)
    {
        var draft = ReadoutExtractor.Extract("date 2020-11-06 Chinese Foreign Minister Wang Yi had a phone call with Peruvian Foreign Minister Mario Lopez on Thursday. " + sentence);
        var commitment = draft.Commitments.First();
        Assert.Equal((kind, clause), (commitment.Kind, commitment.Text));
    }

    [Theory]
    [InlineData("Wang thanked Peru for its support.")]
    [InlineData("Wang praised the friendship between the two peoples.")]
    [InlineData("Wang said the two sides should deepen cooperation.")]
    [InlineData("Wang said China supports multilateralism.")]
    [InlineData("Wang said the vaccine will be ready soon.")]
    public void praise_thanks_advice_and_principles_are_not_commitments(string sentence) =>
        Assert.Empty(ReadoutExtractor.Extract("date 2020-11-06 Chinese Foreign Minister Wang Yi had a phone call with Peruvian Foreign Minister Mario Lopez on Thursday. " + sentence).Commitments);
}
