using System.Text.RegularExpressions;
using CommsLedger.Ingest.Countries;
using CommsLedger.Ingest.Participants;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Statements;

/// <summary>
/// Finds the speaker of each sentence: a trailing ", Wang said Thursday." / ", said Lopez.", a leading
/// "Wang said ..." / "The Peruvian minister further noted that ...", a parenthetical "Next year, Wang said, marks ...",
/// or a narrative "President Biden reaffirmed ..." (the speaker is then the subject of what follows).
/// </summary>
internal static partial class AttributionFinder
{
    private const string _sayVerbs = "said|says|told|added|adds|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|underlined|underlines|underscored|underscores|pointed\\s+out|points\\s+out|stated|states|affirmed|affirms|highlighted|highlights|assured|explained|remarked|indicated|observed|declared|recalled|acknowledged|insisted|warned|argued|maintained|confirmed|hoped|hopes|believes|believed|wrote|mentioned|asserted|continued|concluded";
    private const string _narrativeVerbs = "reiterated|reiterates|reaffirmed|reaffirms|expressed|expresses|conveyed|proposed|proposes|suggested|urged|urges|called\\s+(?:on|for)|calls\\s+(?:on|for)|asked|requested|agreed|agree|agrees|welcomed|welcomes|thanked|thanks|congratulated|praised|commended|appreciated|appreciates|discussed|discuss|reviewed|exchanged|briefed|invited|invites|pledged|pledges|vowed|promised|announced|announces|offered|offers|accepted|condemned|voiced|raised|shared|extended|committed|wished|looked\\s+forward|look\\s+forward|looks\\s+forward|recognized|recognised|encouraged|outlined|sought|decided|emphasized|spoke\\s+highly|reviewed|affirmed";

    /// <summary>Spanish and French reporting verbs: "señaló", "afirmaron", "a déclaré", "ont également souligné".</summary>
    private const string _romanceSayVerbs = @"(?:dij(?:o|eron)|sostuvo|(?:(?:ha|han)\s+(?:\w+mente\s+)?)?(?:afirm|señal|indic|subray|destac|expres|manifest|asegur|precis|agreg|explic|declar|record|enfatiz|resalt|remarc|apunt|coment|inform|advirt|sostuv|añad)\w*(?:ó|aron|ieron|ado|ido)\b|(?:ha|han)\s+dicho|(?:a|ont)\s+(?:(?:\w+ment|aussi|encore|de\s+nouveau)\s+)*(?:déclaré|dit|souligné|indiqué|affirmé|ajouté|estimé|rappelé|précisé|noté|assuré|expliqué|insisté|fait\s+savoir|fait\s+valoir|relevé|observé))";

    /// <summary>Spanish and French narrative verbs: the speaker is the subject of what follows ("acordaron", "a salué").</summary>
    private const string _romanceNarrativeVerbs = @"(?:(?:(?:ha|han)\s+(?:\w+mente\s+)?)?(?:agradec|felicit|salud|valor|reafirm|reiter|acord|coincid|convers|dialog|abord|analiz|repas|revis|discut|intercambi|invit|propus|propu|ofrec|ofreci|pid|inst|conden|celebr|se\s+compromet|se\s+comprometi|mantenid)\w*(?:ó|aron|ieron|ado|ido)\b|mantuv(?:o|ieron)|propuso|(?:a|ont)\s+(?:(?:\w+ment|aussi|encore|de\s+nouveau)\s+)*(?:salué|félicité|remercié|exprimé|réaffirmé|réitéré|annoncé|évoqué|discuté|abordé|passé\s+en\s+revue|échangé|invité|proposé|offert|demandé|condamné|convenu|appelé|exhorté|fait\s+état)|se\s+sont\s+(?:\w+ment\s+)?(?:engagé|félicité|entretenu)\w*|s['’]est\s+(?:\w+ment\s+)?(?:engagé|félicité|entretenu)\w*)";

    /// <summary>", Chinese State Councilor and Foreign Minister Wang Yi said on Thursday evening in Beijing." is about the longest tail.</summary>
    private const int _maxTailLength = 140;

    [GeneratedRegex(@"\b(?:(?:also|further|then|later|again|separately|strongly|warmly|firmly|particularly|especially|repeatedly|briefly|jointly|both|all|had|have|has|once\s+again)\s+)*(?<verb>" + _sayVerbs + "|" + _narrativeVerbs + "|" + _romanceSayVerbs + "|" + _romanceNarrativeVerbs + @")(?![\w'’])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex VerbPattern();

    [GeneratedRegex(@"\G[\s""“”’']*(?:(?<pre>[^,;]{1,90}?)\s+(?:(?:also|further|then|later)\s+)?(?:" + _sayVerbs + @")(?<post>(?:\s+(?:on|in|at|during|after|before|this|last|earlier|later|late|early|a|an|the|his|her|their|its|statement|phone|call|conversation|talks|meeting|interview|press|conference|briefing|remarks|message|letter|video|telephone|with|to|reporters|journalists|media|morning|afternoon|evening|night|week|[\p{Lu}\d][\w'’.-]*))*)|(?:a|ont)-t-(?<pre>il|elle|ils|elles)\s+(?:\w+ment\s+)?\w+(?<post>)|(?:said|says|added|adds|noted|stressed|stated|continued|wrote|according\s+to|dijo|señaló|afirmó|indicó|añadió|agregó|precisó|explicó|subrayó|destacó|aseguró|informó|según|selon|(?:a|ont)\s+(?:déclaré|dit|souligné|indiqué|affirmé|ajouté|précisé|expliqué|assuré|estimé))\s+(?<pre>[^,;]{1,90}?)(?<post>(?:\s+(?:on|in|at|during|after|before|this|last|earlier|later|a|an|the|his|her|statement|interview|with|to|reporters|morning|afternoon|evening|night|[\p{Lu}\d][\w'’.-]*))*))\s*[.!?]?[""”’']*\s*$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex TailPattern();

    [GeneratedRegex(@"^\s*(?i:for\s+(?:his|her|their|its)\s+part|on\s+(?:his|her|their)\s+part|in\s+(?:response|turn|reply)|responding|in\s+his\s+turn|in\s+her\s+turn|por\s+su\s+parte|de\s+su\s+lado|a\s+su\s+vez|de\s+son\s+c[oô]t[eé]|pour\s+sa\s+part|quant\s+[àa]\s+(?:lui|elle)|en\s+retour)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex SwitchPattern();

    [GeneratedRegex(@"^\s*According\s+to\s+(?<pre>[^,]{1,90}),\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex AccordingPattern();

    [GeneratedRegex(@"(?:,\s*and|;|\band)\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex JoinedBefore();

    /// <summary>Spanish and French report with "que": without it, the verb takes an object ("manifestó la disposición de Ecuador a …").</summary>
    [GeneratedRegex("^(?:" + _romanceSayVerbs + ")$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex RomanceSayVerb();

    [GeneratedRegex("^(?:" + _sayVerbs + "|" + _romanceSayVerbs + ")$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex SayVerbOnly();

    /// <summary>A possessive object right after an English reporting verb: "underlined his commitment".</summary>
    [GeneratedRegex(@"\G(?:his|her|its|their|our|su|sus|son|sa|ses|leur|leurs|notre|nuestro|nuestra)\s", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex DirectObject();

    [GeneratedRegex(@"\G\s*(?:[,:]\s*)?(?:that\b|que\b|qu['’])?\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex ContentLead();

    public static Attribution? Find(SentenceContext context, IReadOnlyList<CountryMention> countries, SpeakerResolver speakers)
    {
        var sentence = context.Sentence;
        if (sentence.IsHeadline)
        {
            return null;
        }

        var switches = SwitchPattern().IsMatch(sentence.Text);
        var tail = Tail(context, countries, speakers, switches);
        if (tail is { Speakers.Count: > 0 })
        {
            return tail;
        }

        return According(context, countries, speakers, switches) ?? tail ?? Lead(context, countries, speakers, switches);
    }

    private static Attribution? According(SentenceContext context, IReadOnlyList<CountryMention> countries, SpeakerResolver speakers, bool switches)
    {
        var match = AccordingPattern().Match(context.Sentence.Text);
        if (!match.Success)
        {
            return null;
        }

        var pre = match.Groups["pre"];
        var (start, end) = Tokenizer.Range(context.Tokens, pre.Index, pre.Index + pre.Length);
        return speakers.Resolve(context, start, end, countries, switches) is { } people
            ? new Attribution(context.Sentence, people, match.Length, context.Sentence.Text.Length, SpeakerIsSubject: false)
            : null;
    }

    private static Attribution? Tail(SentenceContext context, IReadOnlyList<CountryMention> countries, SpeakerResolver speakers, bool switches)
    {
        var text = context.Sentence.Text;
        var comma = text.Length;
        Attribution? unresolved = null;
        for (var tries = 0; tries < 3; tries++)
        {
            comma = comma > 0 ? text.LastIndexOf(',', comma - 1) : -1;
            if (comma <= 0)
            {
                return unresolved;
            }

            if (text.Length - comma > _maxTailLength)
            {
                return unresolved;
            }

            var match = TailPattern().Match(text, comma + 1);
            if (!match.Success || !match.Groups["pre"].Success)
            {
                continue;
            }

            var pre = match.Groups["pre"];
            var (start, end) = Tokenizer.Range(context.Tokens, pre.Index, pre.Index + pre.Length);
            if (speakers.Resolve(context, start, end, countries, switches) is { } people)
            {
                return new Attribution(context.Sentence, people, 0, comma, SpeakerIsSubject: false);
            }

            unresolved ??= new Attribution(context.Sentence, [], 0, comma, SpeakerIsSubject: false);
        }

        return unresolved;
    }

    private static Attribution? Lead(SentenceContext context, IReadOnlyList<CountryMention> countries, SpeakerResolver speakers, bool switches)
    {
        var text = context.Sentence.Text;
        Attribution? first = null;
        foreach (Match verb in VerbPattern().Matches(text))
        {
            var phraseStart = PhraseStart(text, verb.Index);
            var joined = first is not null && (JoinedBefore().IsMatch(text[..phraseStart]) || text[phraseStart..verb.Index].TrimStart().StartsWith("and ", StringComparison.Ordinal));
            if (first is not null && !joined)
            {
                continue;
            }

            var (start, end) = Tokenizer.Range(context.Tokens, phraseStart, verb.Index);
            var people = start < end ? speakers.Resolve(context, start, end, countries, switches, exclude: first?.Speakers) : null;
            people ??= first is null ? SubjectOfCoordinatedVerb(context, countries, speakers, switches, start, end, text, verb.Index) : null;
            if (people is null)
            {
                continue;
            }

            if (first is not null)
            {
                first = first with { Speakers = [.. first.Speakers, .. people.Where(p => !first.Speakers.Contains(p))] };
                continue;
            }

            first = Attributed(context, people, verb, start);
        }

        return first;
    }

    /// <summary>"X met Y in Brussels yesterday and urged ...": the subject of the sentence is the speaker of the second verb.</summary>
    private static IReadOnlyList<Person>? SubjectOfCoordinatedVerb(SentenceContext context, IReadOnlyList<CountryMention> countries, SpeakerResolver speakers, bool switches, int start, int end, string text, int verbIndex)
    {
        if (start >= end || !text[..verbIndex].TrimEnd().EndsWith(" and", StringComparison.Ordinal))
        {
            return null;
        }

        return speakers.SubjectAt(context, start, countries, switches);
    }

    private static Attribution Attributed(SentenceContext context, IReadOnlyList<Person> people, Match verb, int subjectToken)
    {
        var text = context.Sentence.Text;
        var verbText = verb.Groups["verb"].Value;
        if (!SayVerbOnly().IsMatch(verbText))
        {
            return new Attribution(context.Sentence, people, context.Tokens[subjectToken].Start, text.Length, SpeakerIsSubject: true);
        }

        var after = verb.Index + verb.Length;
        if (after < text.Length && text[after] == ',')
        {
            return new Attribution(context.Sentence, people, 0, text.Length, SpeakerIsSubject: false);
        }

        after = SkipObjectOfTold(text, verbText, after);
        var lead = ContentLead().Match(text, after);
        var reportsClause = lead.Value.Contains(':', StringComparison.Ordinal) || (RomanceSayVerb().IsMatch(verbText) ? lead.Value.Contains("qu", StringComparison.Ordinal) : !DirectObject().IsMatch(text, after + lead.Length));
        if (!reportsClause)
        {
            // "underlined his commitment to …", "manifestó la disposición de Ecuador a …": the speaker is the subject of a plain predicate.
            return new Attribution(context.Sentence, people, context.Tokens[subjectToken].Start, text.Length, SpeakerIsSubject: true);
        }

        return new Attribution(context.Sentence, people, after + lead.Length, text.Length, SpeakerIsSubject: false);
    }

    private static int SkipObjectOfTold(string text, string verb, int after)
    {
        if (verb != "told")
        {
            return after;
        }

        var that = text.IndexOf(" that ", after, Math.Min(80, text.Length - after), StringComparison.Ordinal);
        return that >= 0 ? that + 1 : after;
    }

    /// <summary>The speaker phrase starts after the last comma, semicolon or "that" before the verb.</summary>
    private static int PhraseStart(string text, int verbIndex)
    {
        var start = Math.Max(text.LastIndexOf(',', Math.Max(0, verbIndex - 1)), text.LastIndexOf(';', Math.Max(0, verbIndex - 1)));
        var that = text.LastIndexOf(" that ", Math.Max(0, verbIndex - 1), StringComparison.Ordinal);
        start = Math.Max(start + 1, that >= 0 ? that + 6 : 0);
        return Math.Min(start, verbIndex);
    }
}
