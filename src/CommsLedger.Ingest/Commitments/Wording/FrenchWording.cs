using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Commitments.Wording;

/// <summary>
/// French: "ont convenu de …", "s'est engagé à …", "ont réaffirmé leur engagement / appui …", "est disposée à …", "est prête à …",
/// the future ("la Chine soutiendra …"), "va / vont …". Predicates start at an auxiliary (a, ont, est, sont …), a reflexive
/// pronoun or a future. "A exprimé son soutien à" is a view, as in English; "a réaffirmé son soutien à" is a pledge.
/// </summary>
internal static partial class FrenchWording
{
    public static readonly CommitmentWording Wording = new(Boundary(), Predicate(), Trigger(), IsPlural);

    private const string _adverbs = @"(?:(?i:\w+ment|aussi|également|ainsi|encore|déjà|toujours|ensuite|de\s+nouveau|à\s+nouveau)\s+)*";

    private const string _finiteVerb =
        @"(?:(?i:ne)\s+|(?i:n)['’]\s*)?(?:(?i:se|s['’]|l['’]|lui|leur|y|en)\s*)?(?:a|ont|est|sont|était|étaient|avait|avaient|va|vont|sera|seront|serait|seraient|" +
        @"fera|feront|peut|peuvent|doit|doivent|veut|veulent|entend|entendent|souhaite|souhaitent|espère|espèrent|croit|croient|pense|pensent|compte|comptent|reste|restent|demeure|demeurent|" +
        @"soutient|soutiennent|appuie|appuient|réaffirme|réaffirment|salue|saluent|\w{3,}(?:era|eront|ira|iront|dra|dront|vra|vront))\b";

    [GeneratedRegex(@"\s*;\s*|,?\s+(?:soulignant|ajoutant|indiquant|notant|estimant|rappelant|précisant|affirmant)\s+(?:que|qu['’])\s*|,\s*(?:tandis\s+que|alors\s+que|mais|cependant)\s+|,\s*(?:a|ont)-t-(?:il|elle|ils|elles)\s+|(?<coord>(?:,\s*)?\s+(?:et|mais)\s+)(?=" + _adverbs + _finiteVerb + ")",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    public static partial Regex Boundary();

    [GeneratedRegex(@"(?<![\w'’])" + _adverbs + _finiteVerb, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    public static partial Regex Predicate();

    [GeneratedRegex(@"\G" + _adverbs + @"(?:" +
        @"(?<intent>(?:est|sont|était|étaient|sera|seront|s['’]est\s+(?:dite?|montrée?|déclarée?)|se\s+sont\s+(?:dit(?:e?s)?|montré(?:e?s)?|déclaré(?:e?s)?))\s+(?:\w+ment\s+)?(?:disposée?s?|déterminée?s?|résolue?s?|désireu(?:x|se|ses)|décidée?s?)\s+(?:à|de|d['’])" +
        @"|(?:a|ont)\s+(?:\w+ment\s+)?(?:exprimé|manifesté|réaffirmé|réitéré|affiché|souligné)\s+(?:sa|leur|son|la|une)\s+(?:\w+\s+)?(?:volonté|disposition|disponibilité|intention|souhait|désir|détermination)\s+(?:(?:de|du|des)\s+(?:la\s+|l['’])?\p{Lu}[\w'’-]*(?:\s+\p{Lu}[\w'’-]*)?\s+)?(?:de|d['’]|à)" +
        @"|(?:souhaite|souhaitent|entend|entendent|compte|comptent|envisage|envisagent|espère|espèrent)\s+\w+(?:er|ir|re)\b)" +
        @"|(?<request>(?:a|ont)\s+(?:\w+ment\s+)?(?:exhorté|appelé|prié)\s+(?<obj>[^,;.]{1,80}?)\s+(?:à|de|d['’])|(?:a|ont)\s+(?:\w+ment\s+)?demandé\s+(?:à|au|aux)\s+(?<obj>[^,;.]{1,80}?)\s+(?:de|d['’]))" +
        @"|(?<agreement>(?:ont|a|avaient|avait)\s+(?:\w+ment\s+)?(?:convenu|décidé|résolu|arrêté)\s+(?:\w+ment\s+)?(?:de|d['’]|que|qu['’])|sont\s+(?:\w+ment\s+)?convenus\s+(?:de|d['’])" +
        @"|se\s+sont\s+(?:\w+ment\s+)?(?:mis\s+d['’]accord|accordée?s)\s+(?:sur|pour)|(?:ont|a)\s+(?:\w+ment\s+)?signé\s+\w+|(?:sont\s+)?parvenu(?:e?s)?\s+à\s+(?:un\s+)?(?:accord|consensus))" +
        @"|(?<offer>(?:est|sont|était|étaient|sera|seront|s['’]est\s+dite?|se\s+sont\s+dit(?:e?s)?)\s+(?:\w+ment\s+)?prête?s?\s+à" +
        @"|(?:a|ont)\s+(?:\w+ment\s+)?(?:offert|proposé)\s+(?:de\b|d['’]|(?:son|sa|ses|leur|leurs|une?|l['’]|le|la|les)\s*(?:\w+\s+){0,2}?(?:aide|assistance|appui|soutien|coopération|bourses?|prêts?|financement|formation|médiation|vaccins)\b)" +
        @"|(?:a|ont)\s+invité\s+(?<obj>[^,;.]{1,80}?)\s+à\s+\w+(?:er|ir|re)\b" +
        @"|(?:a|ont)\s+annoncé\s+(?:\w+\s+){0,4}?(?:\$|€|USD|EUR)\s?[\d.,]+|(?:a|ont)\s+annoncé\s+(?:un|une)\s+(?:\w+\s+){0,3}?(?:aide|don|prêt|contribution|enveloppe|programme)\b)" +
        @"|(?<pledge>s['’]est\s+(?:\w+ment\s+)?engagée?\s+à|se\s+sont\s+(?:\w+ment\s+)?engagé(?:e?s)?\s+à|s['’]engage(?:nt)?\s+à" +
        @"|(?:a|ont)\s+(?:\w+ment\s+)?(?:réaffirmé|réitéré|renouvelé|confirmé)\s+(?:leur|leurs|son|sa|ses|notre|l['’]|le)\s*(?:\w+\s+)?(?:engagement|attachement|appui|soutien|détermination)\s+(?:(?:de|du|des)\s+(?:la\s+|l['’])?\p{Lu}[\w'’-]*(?:\s+\p{Lu}[\w'’-]*)?\s+)?(?:à|au|aux|en\s+faveur|envers|pour|de|d['’])" +
        @"|(?:a|ont)\s+(?:\w+ment\s+)?(?:exprimé|souligné|rappelé)\s+(?:leur|son|sa|notre|l['’])\s*(?:\w+\s+)?engagement\s+(?:à|au|aux|en\s+faveur|envers|pour|de|d['’])" +
        @"|(?:va|vont)\s+(?:\w+ment\s+)?\w+(?:er|ir|re|oir)\b" +
        @"|(?!(?:sera|seront|aura|auront|pourra|pourront|devra|devront)\b|(?:prendr|assumer)(?:a|ont)\s+(?:ses|leurs|la|le)\s+(?:fonctions|présidence|mandat|poste)\b|succédera\b)(?:fera|feront|\w{3,}(?:era|eront|ira|iront|dra|dront|vra|vront))\b" +
        @"|(?<support>soutient|soutiennent|appuie|appuient)\s+(?<sobj>\S))" +
        @")",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    public static partial Regex Trigger();

    /// <summary>ont convenu, se sont engagés, sont, soutiendront: a plural auxiliary or verb.</summary>
    private static bool IsPlural(string predicate) =>
        predicate.Split(' ', '\'', '’').Any(w => w is "ont" or "sont" or "étaient" or "avaient" or "vont" or "seront" or "feront" || (w.Length > 4 && w.EndsWith("ent", StringComparison.Ordinal) && !w.EndsWith("ment", StringComparison.Ordinal)) || w.EndsWith("ront", StringComparison.Ordinal));
}
