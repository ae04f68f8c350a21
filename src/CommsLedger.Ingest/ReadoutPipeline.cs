using CommsLedger.Ingest.Channel;
using CommsLedger.Ingest.Commitments;
using CommsLedger.Ingest.Countries;
using CommsLedger.Ingest.Dates;
using CommsLedger.Ingest.FollowUps;
using CommsLedger.Ingest.Participants;
using CommsLedger.Ingest.Statements;
using CommsLedger.Ingest.Text;
using CommsLedger.Ingest.Topics;

namespace CommsLedger.Ingest;

/// <summary>The extraction steps in order, each in its own folder: sentences, dates, channel, people, statements, commitments, follow-ups, topics.</summary>
internal static class ReadoutPipeline
{
    public static ReadoutDraft Run(string text)
    {
        var warnings = new List<string>();
        var (published, source, bodyStart) = PublicationDate.FromHeader(text);
        var sentences = SentenceSplitter.Split(text, bodyStart);
        published ??= PublicationDate.FromHeadlines(sentences);
        (sentences, var datelineDate, var undated) = PublicationDate.StripDateline(sentences, published);
        published ??= datelineDate;
        if (published is null)
        {
            warnings.Add(undated ? "publication_date: the dateline has no year; relative dates left unresolved" : "publication_date: not found; relative dates left unresolved");
        }

        if (sentences.Count == 0)
        {
            return ReadoutDraft.Empty("input: no sentences found");
        }

        var language = LanguageDetector.Detect(sentences);
        var countries = sentences.Select(s => Gazetteer.Shared.FindAll(s.Tokens)).ToList();
        var registry = new PersonRegistry();
        foreach (var sentence in sentences)
        {
            registry.AddSentence(sentence.Index, PersonMentionFinder.Find(sentence, countries[sentence.Index]));
        }

        var channel = ChannelDetector.Detect(sentences, source);
        if (channel.SentenceIndex < 0)
        {
            warnings.Add("channel: no wording names the channel");
        }

        var publisher = Publisher.FromSource(source) ?? Publisher.FromText(sentences, countries);
        var inInteraction = ParticipantFinder.InInteraction(sentences, countries, registry, channel.SentenceIndex);
        ParticipantFinder.InferCountries(inInteraction, countries, publisher);
        var (attributions, participants) = Attribute(sentences, countries, registry, inInteraction);
        warnings.AddRange(ParticipantFinder.InferCountries(participants, countries, publisher));
        participants = ParticipantFinder.WithoutOfficesNamedElsewhere(participants);
        warnings.AddRange(participants.Where(p => p.CountryFromPublisher).Select(p => $"participants: country of {p.Name} not stated; taken as the publisher's ({p.Country}, from {(Publisher.FromSource(source) is null ? "the text's header" : "the source address")})"));
        warnings.AddRange(participants.Where(p => p.CountryInferred).Select(p => $"participants: country of {p.Name} not stated; guessed {p.Country} from the countries the text mentions"));
        var relationship = participants.Select(p => p.Country).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        if (participants.Count == 0)
        {
            warnings.Add("participants: none found");
        }
        else if (relationship.Count < 2)
        {
            warnings.Add("relationship: fewer than two countries among the participants");
        }

        var (date, dateWarning) = InteractionDate.Find(sentences, channel.SentenceIndex, published);
        if (dateWarning is not null)
        {
            warnings.Add(dateWarning);
        }

        var parties = new PartyResolver(registry, participants);
        var commitmentInputs = sentences.Select(s => new CommitmentExtractor.Input(new SentenceContext(s, countries[s.Index]), countries[s.Index], attributions[s.Index]));
        var commitments = CommitmentExtractor.Extract(commitmentInputs, parties, published, language);
        var followUps = FollowUpExtractor.Extract(sentences, channel.SentenceIndex, published);
        var topics = TopicClassifier.Shared.Classify(string.Join(" ", sentences.Where(s => !s.IsHeadline).Select(s => s.Text)));

        return new ReadoutDraft(
            date,
            channel.Channel,
            participants.Select(p => new DraftParticipant(p.Name, p.Title, p.Country)).ToList(),
            relationship,
            Statements(attributions),
            commitments,
            followUps,
            topics,
            channel.Cameo,
            published,
            warnings,
            language);
    }

    private static (Attribution?[] Attributions, List<Person> Participants) Attribute(
        IReadOnlyList<Sentence> sentences, IReadOnlyList<IReadOnlyList<CountryMention>> countries, PersonRegistry registry, List<Person> inInteraction)
    {
        var participants = new List<Person>(inInteraction);
        var resolver = new SpeakerResolver(registry, () => participants);
        var attributions = new Attribution?[sentences.Count];
        foreach (var sentence in sentences)
        {
            var attribution = AttributionFinder.Find(new SentenceContext(sentence, countries[sentence.Index]), countries[sentence.Index], resolver);
            attributions[sentence.Index] = attribution;
            foreach (var speaker in attribution?.Speakers ?? [])
            {
                if (!participants.Contains(speaker))
                {
                    participants.Add(speaker);
                }
            }

            if (attribution is { Speakers: [var single] })
            {
                LearnGender(single, attribution.Content);
            }
        }

        participants.Sort((a, b) => a.FirstPosition.CompareTo(b.FirstPosition));
        return (attributions, participants);
    }

    /// <summary>"Lopez said he appreciates ..." tells us Lopez is "he" for later pronouns.</summary>
    private static void LearnGender(Person speaker, string content)
    {
        if (speaker.Gender is not null)
        {
            return;
        }

        var words = content.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = words.FirstOrDefault(w => w is "he" or "his" or "she" or "her");
        speaker.Gender = first switch
        {
            "he" or "his" => 'm',
            "she" or "her" => 'f',
            _ => null,
        };
    }

    private static List<DraftStatement> Statements(IEnumerable<Attribution?> attributions) =>
        attributions.OfType<Attribution>()
            .Where(a => a.Speakers.Count > 0)
            .Select(a =>
            {
                var countries = a.Speakers.Select(p => p.Country).OfType<string>().Distinct().ToList();
                return new DraftStatement(
                    string.Join(" and ", a.Speakers.Select(p => p.Name)),
                    a.Speakers.Count == 1 ? a.Speakers[0].Country : null,
                    countries,
                    a.Sentence.Text,
                    TopicClassifier.Shared.Classify(a.Sentence.Text));
            })
            .ToList();
}
