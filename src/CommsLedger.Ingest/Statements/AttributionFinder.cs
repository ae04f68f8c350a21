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
    private const string SayVerbs = "said|says|told|added|adds|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|underlined|underlines|underscored|underscores|pointed\\s+out|points\\s+out|stated|states|affirmed|affirms|highlighted|highlights|assured|explained|remarked|indicated|observed|declared|announced|recalled|acknowledged|insisted|warned|argued|maintained|confirmed|hoped|hopes|believes|believed|wrote|mentioned|asserted|continued|concluded";
    private const string NarrativeVerbs = "reiterated|reiterates|reaffirmed|reaffirms|expressed|expresses|conveyed|proposed|proposes|suggested|urged|urges|called\\s+(?:on|for)|calls\\s+(?:on|for)|asked|requested|agreed|agree|agrees|welcomed|welcomes|thanked|thanks|congratulated|praised|commended|appreciated|appreciates|discussed|discuss|reviewed|exchanged|briefed|invited|invites|pledged|pledges|vowed|promised|offered|offers|accepted|condemned|voiced|raised|shared|extended|committed|wished|looked\\s+forward|look\\s+forward|looks\\s+forward|recognized|recognised|encouraged|outlined|sought|decided|emphasized|spoke\\s+highly|reviewed|affirmed";

    [GeneratedRegex(@"\b(?:(?:also|further|then|later|again|separately|strongly|warmly|firmly|particularly|especially|repeatedly|briefly|jointly|both|all|had|have|has|once\s+again)\s+)*(?<verb>" + SayVerbs + "|" + NarrativeVerbs + @")\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VerbPattern();

    [GeneratedRegex(@"^[\s""“”’']*(?:(?<pre>[^,;]{1,90}?)\s+(?:(?:also|further|then|later)\s+)?(?:" + SayVerbs + @")(?<post>(?:\s+(?:on|in|at|during|after|before|this|last|earlier|later|late|early|a|an|the|his|her|their|its|statement|phone|call|conversation|talks|meeting|interview|press|conference|briefing|remarks|message|letter|video|telephone|with|to|reporters|journalists|media|morning|afternoon|evening|night|week|[\p{Lu}\d][\w'’.-]*))*)|(?:said|says|added|adds|noted|stressed|stated|continued|wrote|according\s+to)\s+(?<pre>[^,;]{1,90}?)(?<post>(?:\s+(?:on|in|at|during|after|before|this|last|earlier|later|a|an|the|his|her|statement|interview|with|to|reporters|morning|afternoon|evening|night|[\p{Lu}\d][\w'’.-]*))*))\s*[.!?]?[""”’']*\s*$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TailPattern();

    [GeneratedRegex(@"^\s*(?i:for\s+(?:his|her|their|its)\s+part|on\s+(?:his|her|their)\s+part|in\s+(?:response|turn|reply)|responding|in\s+his\s+turn|in\s+her\s+turn)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SwitchPattern();

    [GeneratedRegex("^(?:" + SayVerbs + ")$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SayVerbOnly();

    [GeneratedRegex(@"^\s*(?:[,:]\s*)?(?:that\b)?\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ContentLead();

    public static Attribution? Find(SentenceContext context, IReadOnlyList<CountryMention> countries, SpeakerResolver speakers)
    {
        var sentence = context.Sentence;
        if (sentence.IsHeadline)
        {
            return null;
        }

        var switches = SwitchPattern().IsMatch(sentence.Text);
        return Tail(context, countries, speakers, switches) ?? Lead(context, countries, speakers, switches);
    }

    private static Attribution? Tail(SentenceContext context, IReadOnlyList<CountryMention> countries, SpeakerResolver speakers, bool switches)
    {
        var text = context.Sentence.Text;
        var comma = text.Length;
        for (var tries = 0; tries < 3; tries++)
        {
            comma = comma > 0 ? text.LastIndexOf(',', comma - 1) : -1;
            if (comma <= 0)
            {
                return null;
            }

            var match = TailPattern().Match(text, comma + 1);
            if (!match.Success || !match.Groups["pre"].Success)
            {
                continue;
            }

            var pre = match.Groups["pre"];
            var (start, end) = TokenRange(context.Tokens, pre.Index, pre.Index + pre.Length);
            if (speakers.Resolve(context, start, end, countries, switches) is { } people)
            {
                return new Attribution(context.Sentence, people, 0, comma, SpeakerIsSubject: false);
            }
        }

        return null;
    }

    private static Attribution? Lead(SentenceContext context, IReadOnlyList<CountryMention> countries, SpeakerResolver speakers, bool switches)
    {
        var text = context.Sentence.Text;
        foreach (Match verb in VerbPattern().Matches(text))
        {
            var phraseStart = PhraseStart(text, verb.Index);
            var (start, end) = TokenRange(context.Tokens, phraseStart, verb.Index);
            if (start >= end || speakers.Resolve(context, start, end, countries, switches) is not { } people)
            {
                continue;
            }

            var verbText = verb.Groups["verb"].Value;
            if (!SayVerbOnly().IsMatch(verbText))
            {
                return new Attribution(context.Sentence, people, context.Tokens[start].Start, text.Length, SpeakerIsSubject: true);
            }

            var after = verb.Index + verb.Length;
            if (after < text.Length && text[after] == ',')
            {
                return new Attribution(context.Sentence, people, 0, text.Length, SpeakerIsSubject: false);
            }

            after = SkipObjectOfTold(text, verbText, after);
            var lead = ContentLead().Match(text, after);
            return new Attribution(context.Sentence, people, after + lead.Length, text.Length, SpeakerIsSubject: false);
        }

        return null;
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

    private static (int Start, int End) TokenRange(IReadOnlyList<Token> tokens, int charStart, int charEnd)
    {
        var start = 0;
        while (start < tokens.Count && tokens[start].Start < charStart)
        {
            start++;
        }

        var end = start;
        while (end < tokens.Count && tokens[end].End <= charEnd)
        {
            end++;
        }

        return (start, end);
    }
}
