using CommsLedger.Ingest.Countries;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Participants;

/// <summary>
/// The people who took part: those named in the headlines and in the sentence that names the channel (including a bare
/// "Vladimir Putin had a telephone conversation ..." or an unnamed "The Prime Minister spoke to ..."), plus everyone who speaks.
/// </summary>
internal static class ParticipantFinder
{
    public static List<Person> InInteraction(IReadOnlyList<Sentence> sentences, IReadOnlyList<IReadOnlyList<CountryMention>> countries, PersonRegistry registry, int interactionSentence)
    {
        var found = new List<Person>();
        var firstProse = sentences.FirstOrDefault(s => !s.IsHeadline)?.Index ?? -1;
        var leads = new[] { interactionSentence, sentences.ElementAtOrDefault(interactionSentence)?.IsHeadline == true ? firstProse : -1 };
        foreach (var sentence in sentences.Where(s => s.IsHeadline || leads.Contains(s.Index)))
        {
            var mentions = registry.MentionsIn(sentence.Index);
            if (leads.Contains(sentence.Index) && !mentions.Any(m => m.Mention.TokenStart == 0 && m.Person is not null))
            {
                AddLeadingPerson(sentence, countries[sentence.Index], registry, mentions);
            }

            found.AddRange(registry.MentionsIn(sentence.Index).Select(m => m.Person).OfType<Person>());
            found.AddRange(registry.NamesIn(sentence).Select(n => n.Person));
        }

        return found.Distinct().OrderBy(p => p.FirstPosition).ToList();
    }

    /// <summary>A country for each participant who has none: the one country mentioned in the text that no other participant holds.</summary>
    public static List<string> InferCountries(IReadOnlyList<Person> participants, IReadOnlyList<IReadOnlyList<CountryMention>> countries)
    {
        var warnings = new List<string>();
        foreach (var person in participants.Where(p => p.Country is null))
        {
            var taken = participants.Select(p => p.Country).OfType<string>().ToHashSet();
            var candidates = countries.SelectMany(c => c).Select(c => c.Code).Where(c => !taken.Contains(c))
                .GroupBy(c => c).OrderByDescending(g => g.Count()).ToList();
            if (candidates.Count == 0 || (candidates.Count > 1 && candidates[0].Count() == candidates[1].Count()))
            {
                warnings.Add($"participants: country of {person.Name} not found");
                continue;
            }

            person.Country = candidates[0].Key;
            person.CountryInferred = true;
        }

        return warnings;
    }

    private static void AddLeadingPerson(Sentence sentence, IReadOnlyList<CountryMention> countries, PersonRegistry registry, IReadOnlyList<(PersonMention Mention, Person? Person)> mentions)
    {
        if (PersonMentionFinder.LeadingName(sentence, countries) is { } bare)
        {
            registry.AddSentence(sentence.Index, [bare, .. mentions.Select(m => m.Mention)]);
            return;
        }

        var titled = mentions.FirstOrDefault(m => m.Person is null && m.Mention.Title is not null && m.Mention.TokenStart <= 1);
        if (titled.Mention is { Title: { } title } mention && !registry.People.Any(p => p.Title == title))
        {
            var named = mention with { Name = title, NameKeys = [title.ToLowerInvariant()] };
            registry.AddSentence(sentence.Index, [named, .. mentions.Where(m => m.Mention != mention).Select(m => m.Mention)]);
        }
    }
}
