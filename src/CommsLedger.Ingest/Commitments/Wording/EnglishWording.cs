using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Commitments.Wording;

/// <summary>
/// English: where clauses end, where predicates start (their subject is what comes before) and the verbs that make a
/// predicate an undertaking. Praise, thanks, "should", "need to" and "look forward to" are not undertakings; "supports X"
/// counts unless X is a principle; "welcomes X" only as an invitation ("welcomes X to invest").
/// </summary>
internal static partial class EnglishWording
{
    public static readonly CommitmentWording Wording = new(Boundary(), Predicate(), Trigger(), PluralVerb: null);

    private const string _predicateStarters =
        "will|would|shall|is|are|was|were|remains?|remained|stands?|stood|supports?|supported|welcomes?|welcomed|encourages?|encouraged|understands?|appreciates?|appreciated|hopes?|hoped|looks?|looked|expects?|believes?|thinks?|trusts?|wants?|plans?|intends?|wish(?:es|ed)?|calls?|called|urges?|urged|agrees?|agreed|pledged?|pledges|vow(?:s|ed)?|promised?|promises|reaffirm(?:s|ed)?|reiterate[sd]?|express(?:es|ed)|invite[sd]?|offer(?:s|ed)?|noted|stressed|said|asked|signed|committ?(?:s|ed)?|has|have|had|met|held|spoke|talked|exchanged|shared|reviewed|concurred|continues?|continued|seeks?|values?|respects?|opposes?|attaches|announced|decided|thanked|praised|congratulated|discussed|underscored|emphasi[sz]ed|commended|condemned|requested|proposed|backs?|undert(?:akes|ook)|aims?|accept(?:s|ed)?|firmly|also|further|fully|actively";

    [GeneratedRegex(@"\s*;\s*|,?\s+(?:noting|adding|stressing|saying|emphasi[sz]ing|underlining|stating|pointing\s+out|expressing\s+hope)\s+that\s+|(?:,?\s+and)?\s+(?:said|says|noted|notes|stressed|stresses|added|adds|stated|emphasi[sz]ed|underlined|underscored|pointed\s+out)\s+(?:that\s+)?|,\s+(?:while|whereas)\s+|,\s+and\s+(?=(?:he|she|they|the\s+two|both|\p{Lu}[\w'’-]*)\b)|\s+and\s+(?=(?:he|she|they|we|both\s+(?:sides|leaders|ministers|parties)|the\s+two\s+(?:sides|leaders|ministers|parties))\s)|,\s+and\s+(?=(?:the|a|an|its|his|her|their)\s+(?:[\w'’.-]+\s+){0,5}?(?:will|would|shall|agreed|pledged|committed|undertook|offered|stood|stands|reaffirmed|reiterated|announced)\b)|(?<coord>(?:,\s*(?:and|but)|\s+(?:and|but))\s+)(?=(?:" + _predicateStarters + @")\b)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    public static partial Regex Boundary();

    [GeneratedRegex(@"\b(?:" + _predicateStarters + @")\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    public static partial Regex Predicate();

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
        @"|(?<agreement>(?:agree(?:s|d)?|concur(?:s|red)?)\s+(?:to|that|(?:on|upon)(?!\s+the\s+(?:importance|need|necessity|value|significance)\b))\b|(?:signed|inked|concluded)\s+\w+|reached\s+(?:an?\s+)?(?:\w+\s+)?(?:agreement|consensus|deal|understanding)\b)" +
        @"|(?<offer>offer(?:s|ed)?\s+(?:to\b|(?:[\w'’-]+\s+){0,4}?(?:assistance|help|support|aid|training|scholarships?|loans?|funding|grants?|financing)\b)" +
        @"|invit(?:es|ed|e)\s+(?<obj>[^,;.]{1,80}?)\s+to\b" +
        @"|welcom(?:es|ed|e)\s+(?!the\b|a\b|an\b|this\b|that\b|his\b|her\b|its\b|their\b|our\b)(?![^,;.]{0,60}?\b(?:decision|move|announcement|efforts?|commitment|steps|initiative|plans?|proposal|offer|readiness|willingness)\s+to\b)(?<obj>[^,;.]{1,80}?)\s+to\s+(?!the\b|a\b|an\b|this\b|that\b|its\b|their\b)[a-z]+\b" +
        @"|propos(?:es|ed|e)\s+(?:to\b|that\b|\w+ing\b)" +
        @"|announc(?:es|ed|e)\s+(?:\w+\s+){0,4}?(?:US\$|\$|€|£)\s?[\d.,]+" +
        @"|announc(?:es|ed|e)\s+(?:a|an)\s+(?:\w+\s+){0,3}?(?:package|grant|loan|donation|contribution|aid|assistance)\b)" +
        @"|(?<pledge>(?:will|shall|would)\s+(?!be\s+able\b|like\b|not\b|be\s+sworn\b|take\s+office\b|succeed\b|assume\s+(?:the|his|her|their)\s+(?:presidency|office|post|duties|functions|mandate)\b)(?:never\s+)?[a-z]+" +
        @"|pledg(?:es|ed|e)\b|vow(?:s|ed)?\s+to\b|promis(?:es|ed|e)\s+to\b|undert(?:akes|ook)\s+to\b" +
        @"|(?:is|are|remains?|was|were)\s+(?:\w+ly\s+)?committed\s+to\b|commit(?:s|ted)?\s+(?:itself\s+|themselves\s+|himself\s+|herself\s+)?to\b" +
        @"|(?:re-?affirm|reiterat|affirm|underlin|underscor|stress|emphasi[sz]|renew|restat|confirm|recommit|express)(?:s|ed|es|e|ing)?\s+(?:[\w'’.-]+\s+){0,4}?commitments?\s+to\b" +
        @"|(?:re-?affirm|reiterat|renew|restat)(?:s|ed|es|e)?\s+(?:its|his|her|their|our|the)\s+(?:(?!(?:need|importance|necessity|of|for)\b)[\w'’.-]+\s+){0,3}?(?:support|backing)\s+(?:for|to)\b" +
        @"|(?:has|have)\s+decided\s+to\b|decided\s+to\b" +
        @"|(?<support>supports?|backs?|(?:is|are)\s+(?:\w+ly\s+)?supportive\s+of)\s+(?<sobj>\S))" +
        @")",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    public static partial Regex Trigger();
}
