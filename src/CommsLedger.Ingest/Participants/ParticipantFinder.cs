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
        foreach (var sentence in sentences.Where(s => s.IsHeadline || s.Index == interactionSentence))
        {
            AddLeadingPerson(sentence, countries[sentence.Index], registry, interactionSentence);
            found.AddRange(registry.MentionsIn(sentence.Index).Select(m => m.Person).OfType<Person>());
            found.AddRange(registry.NamesIn(sentence).Select(n => n.Person));
        }

        // A headline names the call; the first sentence under it names who made it ("The Prime Minister spoke to ...").
        if (sentences.ElementAtOrDefault(interactionSentence)?.IsHeadline == true && sentences.FirstOrDefault(s => !s.IsHeadline) is { } lead)
        {
            AddLeadingPerson(lead, countries[lead.Index], registry, lead.Index);
            found.AddRange(registry.MentionsIn(lead.Index).Where(m => m.Mention.TokenStart <= 1).Select(m => m.Person).OfType<Person>());
        }

        var leadIndex = sentences.ElementAtOrDefault(interactionSentence)?.IsHeadline == true ? sentences.FirstOrDefault(s => !s.IsHeadline)?.Index : null;
        foreach (var sentence in sentences.Where(s => s.IsHeadline || s.Index == interactionSentence || s.Index == leadIndex))
        {
            AddOffices(new SentenceContext(sentence, countries[sentence.Index]), registry, found);
        }

        return found.Distinct().OrderBy(p => p.FirstPosition).ToList();
    }

    /// <summary>Parties named only by office: a titled mention with a country ("joined by the President of the European Council") or a list ("the leaders of Canada, France …").</summary>
    private static void AddOffices(SentenceContext context, PersonRegistry registry, List<Person> found)
    {
        var held = found.Select(p => p.Country).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (mention, _) in registry.MentionsIn(context.Sentence.Index).Where(m => m.Person is null && m.Mention is { Name: null, Title: not null, Country: not null }))
        {
            if (held.Add(mention.Country!))
            {
                var name = mention.Title!.Contains(' ') && TitleLexicon.Connectors.Any(c => mention.Title.Contains($" {c} ", StringComparison.OrdinalIgnoreCase)) ? mention.Title : $"{mention.Title} ({Gazetteer.Shared.NameOf(mention.Country!) ?? mention.Country})";
                found.Add(registry.AddOffice(mention.Title, mention.Country!, name, context.Sentence.Index, mention.TokenStart));
            }
        }

        foreach (var list in OfficeListFinder.Find(context))
        {
            foreach (var code in list.Countries.Where(held.Add))
            {
                found.Add(registry.AddOffice(list.Title, code, $"{list.Title} ({Gazetteer.Shared.NameOf(code) ?? code})", context.Sentence.Index, list.TokenStart));
            }
        }
    }

    /// <summary>An office-holder standing for a country drops out when a named participant from that country turns up.</summary>
    public static List<Person> WithoutOfficesNamedElsewhere(List<Person> participants) =>
        participants.Where(p => !p.IsUnnamedOffice || !participants.Any(o => !o.IsUnnamedOffice && o.Country == p.Country)).ToList();

    /// <summary>
    /// A country for each participant who has none: the publisher's for the first one named only by office or name ("The Prime
    /// Minister spoke to …" on gov.uk), else the one country mentioned in the text that no other participant holds.
    /// </summary>
    public static List<string> InferCountries(IReadOnlyList<Person> participants, IReadOnlyList<IReadOnlyList<CountryMention>> countries, string? publisher)
    {
        var warnings = new List<string>();
        foreach (var person in participants.Where(p => p.Country is null).OrderBy(p => p.FirstPosition))
        {
            var taken = participants.Select(p => p.Country).OfType<string>().ToHashSet();
            if (publisher is not null && !taken.Contains(publisher))
            {
                person.Country = publisher;
                person.CountryFromPublisher = true;
                continue;
            }

            // Most mentioned first; on a tie, the one named more often by name ("the UK") than by adjective ("Ukrainian pilots").
            var candidates = countries.SelectMany(c => c).Where(c => !taken.Contains(c.Code))
                .GroupBy(c => c.Code)
                .Where(g => g.Key.Length == 2)
                .Select(g => (Key: g.Key, Score: (g.Count() * 100) + g.Count(m => m.Kind != MentionKind.Demonym)))
                .OrderByDescending(g => g.Score).ToList();
            if (candidates.Count == 0 || (candidates.Count > 1 && candidates[0].Score == candidates[1].Score))
            {
                warnings.Add($"participants: country of {person.Name} not found");
                continue;
            }

            person.Country = candidates[0].Key;
            person.CountryInferred = true;
        }

        return warnings;
    }

    private static void AddLeadingPerson(Sentence sentence, IReadOnlyList<CountryMention> countries, PersonRegistry registry, int leadSentence)
    {
        var mentions = registry.MentionsIn(sentence.Index);
        if (sentence.Index != leadSentence || mentions.Any(m => m.Mention.TokenStart == 0 && m.Person is not null))
        {
            return;
        }

        if (PersonMentionFinder.LeadingName(sentence, countries) is { } bare)
        {
            registry.AddSentence(sentence.Index, [bare, .. mentions.Select(m => m.Mention)]);
            return;
        }

        var titled = mentions.FirstOrDefault(m => m.Person is null && m.Mention.Title is not null && m.Mention.TokenStart <= 1);
        // "The Prime Minister met the Prime Minister of Australia …": someone else in the sentence holding the same title for a
        // stated country is not them.
        if (titled.Mention is { Title: { } title } mention && !registry.People.Any(p => p.Title == title && !mentions.Any(m => m.Person == p && m.Mention.Country is not null)))
        {
            var named = mention with { Name = title, NameKeys = [title.ToLowerInvariant()] };
            registry.AddSentence(sentence.Index, [named, .. mentions.Where(m => m.Mention != mention).Select(m => m.Mention)]);
        }
    }
}
