using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Commitments;

/// <summary>A commitment verb found at the start of a predicate, with its kind and, where it has one, its object ("urged X to").</summary>
internal sealed record Trigger(string Kind, int Start, int Length, string? Object, int ObjectStart, bool IsSupport);

/// <summary>
/// The wordings that make a predicate an undertaking. Praise, thanks, "should", "need to" and "look forward to" are not here.
/// "supports X" counts unless X is a principle ("supports multilateralism"); "welcomes X" only as an invitation ("welcomes X to invest").
/// </summary>
internal static partial class CommitmentTriggers
{
    private const string _adverbs = @"(?:(?:\w+ly|also|further|still|always|again|thus|therefore|hence|then|both|all|each|now|too|jointly|together)\s+)*";

    [GeneratedRegex(@"\G" + _adverbs + @"(?:" +
        @"(?<intent>(?:is|are|was|were|remains?|remained|stands?|stood)\s+(?:(?:\w+ly|also|still|always|all|both)\s+)*(?:ready|willing|prepared|determined|eager|keen|open)\s+to\b" +
        @"|(?:expressed|expresses|express|reaffirmed|reiterated|voiced|conveyed|showed|indicated)\s+(?:(?:its|his|her|their|our|the)\s+)?(?:[\w.]+['’]s?\s+)?(?:\w+\s+)?(?:readiness|willingness|desire|intention|determination|interest)\s+(?:to|in)\b" +
        @"|would\s+like\s+to\b(?!\s+(?:extend|express|convey|send|thank|congratulate|welcome|pay|take\s+this\s+opportunity))|(?:intends?|intended|plans?|planned|aims?|aimed|seeks?|sought|wish(?:es|ed)?|hopes?|hoped)\s+to\b" +
        @"|encourag(?:es|ed|e)\s+(?<obj>[^,;.]{1,80}?)\s+to\b" +
        @"|accept(?:s|ed)\b(?:\s+(?:an?|the|his|her|their)\s+(?:\w+\s+)?invitation\b)?)" +
        @"|(?<request>(?:urg(?:es|ed|e)|call(?:s|ed)?\s+on|ask(?:s|ed)?|request(?:s|ed)?|appeal(?:s|ed)?\s+to|press(?:es|ed)?)\s+(?<obj>[^,;.]{1,80}?)\s+to\b" +
        @"|call(?:s|ed)?\s+for\b" +
        @"|hop(?:es|ed|e)\s+(?:that\s+)?(?<obj>[^,;.]{1,60}?)\s+(?:will|would|can|could)\b)" +
        @"|(?<agreement>agree(?:s|d)?\s+(?:to|that|(?:on|upon)(?!\s+the\s+(?:importance|need|necessity|value|significance)\b))\b|(?:signed|inked|concluded)\s+\w+|reached\s+(?:an?\s+)?(?:\w+\s+)?(?:agreement|consensus|deal|understanding)\b)" +
        @"|(?<offer>offer(?:s|ed)?\s+(?:to\b|(?:[\w'’-]+\s+){0,4}?(?:assistance|help|support|aid|training|scholarships?|loans?|funding|grants?|financing)\b)" +
        @"|invit(?:es|ed|e)\s+(?<obj>[^,;.]{1,80}?)\s+to\b" +
        @"|welcom(?:es|ed|e)\s+(?!the\b|a\b|an\b|this\b|that\b|his\b|her\b|its\b|their\b|our\b)(?![^,;.]{0,60}?\b(?:decision|move|announcement|efforts?|commitment|steps|initiative|plans?|proposal|offer|readiness|willingness)\s+to\b)(?<obj>[^,;.]{1,80}?)\s+to\s+(?!the\b|a\b|an\b|this\b|that\b|its\b|their\b)[a-z]+\b" +
        @"|propos(?:es|ed|e)\s+(?:to\b|that\b|\w+ing\b)" +
        @"|announc(?:es|ed|e)\s+(?:\w+\s+){0,4}?(?:US\$|\$|€|£)\s?[\d.,]+" +
        @"|announc(?:es|ed|e)\s+(?:a|an)\s+(?:\w+\s+){0,3}?(?:package|grant|loan|donation|contribution|aid|assistance)\b)" +
        @"|(?<pledge>(?:will|shall|would)\s+(?!be\s+able\b|like\b|not\b)(?:never\s+)?[a-z]+" +
        @"|pledg(?:es|ed|e)\b|vow(?:s|ed)?\s+to\b|promis(?:es|ed|e)\s+to\b|undert(?:akes|ook)\s+to\b" +
        @"|(?:is|are|remains?|was|were)\s+(?:\w+ly\s+)?committed\s+to\b|commit(?:s|ted)?\s+(?:itself\s+|themselves\s+|himself\s+|herself\s+)?to\b" +
        @"|(?:re-?affirm|reiterat|affirm|underlin|underscor|stress|emphasi[sz]|renew|restat|confirm|recommit|express)(?:s|ed|es|e|ing)?\s+(?:[\w'’.-]+\s+){0,4}?commitments?\s+to\b" +
        @"|(?:re-?affirm|reiterat|renew|restat)(?:s|ed|es|e)?\s+(?:its|his|her|their|our)\s+(?:\w+\s+){0,2}?(?:support|backing)\s+(?:for|to)\b" +
        @"|(?:has|have)\s+decided\s+to\b|decided\s+to\b" +
        @"|(?<support>supports?|backs?|(?:is|are)\s+(?:\w+ly\s+)?supportive\s+of)\s+(?<sobj>\S))" +
        @")",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex TriggerPattern();

    [GeneratedRegex(@"^(?:[\w'’.-]+\s+){0,3}?(?:\w+ism|principles?|position|stance|view|views|idea|notion|concept|vision|policy|order|system|cause|rights?|sovereignty|independence|territorial\s+integrity|one-China)\b|^(?:\w+ism)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex PrincipleObject();

    /// <summary>The commitment verb starting exactly at <paramref name="position"/> (adverbs first are allowed).</summary>
    public static Trigger? At(string text, int position, int end)
    {
        var match = TriggerPattern().Match(text[..end], position);
        if (!match.Success || match.Index != position)
        {
            return null;
        }

        var kind = match.Groups["intent"].Success ? CommitmentKinds.Intent
            : match.Groups["request"].Success ? CommitmentKinds.Request
            : match.Groups["agreement"].Success ? CommitmentKinds.Agreement
            : match.Groups["offer"].Success ? CommitmentKinds.Offer
            : CommitmentKinds.Pledge;
        var isSupport = match.Groups["support"].Success;
        if (isSupport && PrincipleObject().IsMatch(text[match.Groups["sobj"].Index..end]))
        {
            return null;
        }

        var obj = match.Groups["obj"];
        return new Trigger(kind, match.Index, match.Length, obj.Success ? obj.Value : null, obj.Success ? obj.Index : -1, isSupport);
    }
}
