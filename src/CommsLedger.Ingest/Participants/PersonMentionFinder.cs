using CommsLedger.Ingest.Countries;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Participants;

/// <summary>
/// Finds people in a sentence by the patterns readouts use:
/// "Chinese State Councilor and Foreign Minister Wang Yi", "Peru's Foreign Minister Mario Lopez",
/// "Prime Minister Narendra Modi of India", "the Prime Minister of India, Narendra Modi", "President of France Emmanuel Macron",
/// "Mario Lopez, Peru's foreign minister", "his Peruvian counterpart Mario Lopez", "Mr. Lopez", and bare titles ("the minister").
/// </summary>
internal static class PersonMentionFinder
{
    public static IReadOnlyList<PersonMention> Find(Sentence sentence, IReadOnlyList<CountryMention> countries)
    {
        var context = new SentenceContext(sentence, countries);
        var mentions = new List<PersonMention>();
        var i = 0;
        while (i < sentence.Tokens.Count)
        {
            if (OfficeHolderList.Find(context, i) is { Count: > 0 } list)
            {
                mentions.AddRange(list);
                i = list[^1].TokenEnd;
                continue;
            }

            var mention = NameFirst(context, i) ?? Titled(context, i) ?? Counterpart(context, i) ?? Honorific(context, i);
            if (mention is null)
            {
                i++;
                continue;
            }

            mentions.Add(mention);
            i = Math.Max(mention.TokenEnd, i + 1);
        }

        return mentions;
    }

    /// <summary>A name of two or more words opening a sentence with no title ("Vladimir Putin had a telephone conversation ...").</summary>
    public static PersonMention? LeadingName(Sentence sentence, IReadOnlyList<CountryMention> countries)
    {
        var context = new SentenceContext(sentence, countries);
        var name = NameParser.Parse(sentence.Tokens, 0, context.IsCountryToken);
        return name is { Keys.Count: >= 2 } n ? context.Mention(0, n.End, n, null, null, false) : null;
    }

    private static PersonMention? Titled(SentenceContext c, int i)
    {
        var title = TitleChain.Parse(c, i);
        if (title is null)
        {
            return null;
        }

        var t = title.Value;
        var before = c.CountryMentionBefore(t.Start);
        var start = before?.TokenStart ?? i;
        var country = before?.Code ?? t.OfCountry;
        if (before is { Code: "EU" } b && c.Tokens[t.Start].IsCapitalized && TitleLexicon.OrganisationWords.Contains(c.Tokens[t.Start].Value))
        {
            // EU institutions carry "European" in their names ("European Commission President"); "Kenyan Cabinet Secretary" is a nationality.
            t = t with { Text = c.Slice(b.TokenStart, t.TitleEnd + 1) };
        }
        var p = t.After;
        if ((t.OfCountry is not null || t.HasPortfolio || before is not null) && p < c.Tokens.Count && c.Tokens[p].Value == ",")
        {
            p++;
        }

        var name = NameParser.Parse(c.Tokens, p, c.IsCountryToken);
        if (name is null && PortfolioContinues(c, p) is { } resume)
        {
            // "El ministro de Asuntos Exteriores, Unión Europea y Cooperación, José Manuel Albares": the portfolio goes on past a comma.
            name = NameParser.Parse(c.Tokens, resume, c.IsCountryToken);
            t = name is null ? t : t with { Text = c.Slice(t.Start, resume - 1) };
        }

        if (name is not { } n)
        {
            return TitleChain.IsStandaloneHead(t.Text) ? c.Mention(start, t.After, null, t.Text, country, false) : null;
        }

        var end = n.End;
        if (country is null && c.CountryAfterOf(end) is { } of)
        {
            country = of.Code;
            end = of.TokenEnd;
        }

        return c.Mention(start, end, n, t.Text, country, false);
    }

    /// <summary>
    /// After "Minister of Foreign Affairs," more of the portfolio up to the next comma ("Unión Europea y Cooperación,",
    /// "de l'Intégration africaine et des Affaires étrangères,"): where the name starts.
    /// </summary>
    private static int? PortfolioContinues(SentenceContext c, int p)
    {
        const int maxWords = 10;
        for (var k = p; k < c.Tokens.Count && k - p <= maxWords; k++)
        {
            var t = c.Tokens[k];
            if (t.Value == ",")
            {
                return k > p ? k + 1 : null;
            }

            // Lower-case words only as adjectives of a portfolio ("de l'Intégration africaine et des Affaires étrangères").
            var portfolioWord = t.IsCapitalized || c.IsCountryToken(k) || TitleLexicon.Connectors.Contains(t.Value) || TitleLexicon.Articles.Contains(t.Value)
                || t.Value is "y" or "e" or "et" or "and" or "&" || (t.IsLower && (TitleLexicon.IsTitleWord(t.Value) || (k > p && c.Tokens[k - 1].IsCapitalized && !TitleLexicon.Connectors.Contains(c.Tokens[k - 1].Value))));
            if (!portfolioWord)
            {
                return null;
            }
        }

        return null;
    }

    private static PersonMention? NameFirst(SentenceContext c, int i)
    {
        if (!NameParser.IsNameWord(c.Tokens[i]) && !TitleLexicon.Honorifics.Contains(c.Tokens[i].Value))
        {
            return null;
        }

        var name = NameParser.Parse(c.Tokens, i, c.IsCountryToken);
        if (name is not { } n || n.Keys.Count < 2 || n.End >= c.Tokens.Count || c.Tokens[n.End].Value != ",")
        {
            return null;
        }

        var p = n.End + 1;
        if (p < c.Tokens.Count && c.Tokens[p].Value is "the" or "a" or "an")
        {
            p++;
        }

        var country = c.CountryStartingAt(p);
        if (country is { } cm)
        {
            p = cm.TokenEnd < c.Tokens.Count && c.Tokens[cm.TokenEnd].IsPossessive ? cm.TokenEnd + 1 : cm.TokenEnd;
        }

        var title = TitleChain.Parse(c, p);
        if (title is not { } t || NameParser.Parse(c.Tokens, t.After, c.IsCountryToken) is not null)
        {
            return null;
        }

        return c.Mention(i, t.After, n, t.Text, country?.Code ?? t.OfCountry, false);
    }

    private static PersonMention? Counterpart(SentenceContext c, int i)
    {
        // "su par de Brasil" is the Argentine press's counterpart.
        var word = c.Tokens[i];
        if (!(word.Is("counterpart") || word.Is("homologue") || word.Is("homólogo") || word.Is("homóloga")
            || (word.Value == "par" && i > 0 && c.Tokens[i - 1].Is("su"))))
        {
            return null;
        }

        var before = c.CountryMentionBefore(i);
        var country = before?.Code;
        var p = i + 1;
        if (country is null && c.DemonymAfter(i) is { } demonym)
        {
            country = demonym.Code;
            p = demonym.TokenEnd;
        }
        else if (country is null && c.CountryAfterOf(i + 1) is { } of)
        {
            // "su homólogo de Chile, Alberto van Klaveren", "son homologue du Sénégal".
            country = of.Code;
            p = of.TokenEnd;
        }

        if (p < c.Tokens.Count && c.Tokens[p].Value == ",")
        {
            p++;
        }

        var name = NameParser.Parse(c.Tokens, p, c.IsCountryToken);
        return name is { } n ? c.Mention(before?.TokenStart ?? i, n.End, n, null, country, true) : null;
    }

    private static PersonMention? Honorific(SentenceContext c, int i)
    {
        if (c.Tokens[i].Value is not ("Mr" or "Mrs" or "Ms" or "Dr" or "Madam" or "H.E." or "H.E" or "M" or "Mme" or "Sr" or "Sra" or "Monsieur" or "Madame" or "Señor" or "Señora"))
        {
            return null;
        }

        var name = NameParser.Parse(c.Tokens, i, c.IsCountryToken);
        return name is { } n ? c.Mention(i, n.End, n, null, null, false) : null;
    }
}
