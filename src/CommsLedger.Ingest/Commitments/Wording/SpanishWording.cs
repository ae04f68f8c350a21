using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Commitments.Wording;

/// <summary>
/// Spanish: "acordaron …", "se comprometió a …", "reafirmaron su compromiso de …", "está dispuesto a …", "está listo para …",
/// the future ("Perú apoyará …"). Predicates are finite verbs in the preterite, the future or a few common presents; a clause
/// may drop its subject ("También destacaron …"). "Expresó su apoyo a" is a view, as in English; "reafirmó su apoyo a" is a pledge.
/// </summary>
internal static partial class SpanishWording
{
    public static readonly CommitmentWording Wording = new(Boundary(), Predicate(), Trigger(), IsPlural);

    private const string _adverbs = @"(?:(?i:también|además|asimismo|igualmente|ya|hoy|nuevamente|luego|finalmente|ambos|ambas|\w+mente)\s+)*";

    private const string _finiteVerb =
        @"(?:(?i:se|no|le|les|lo|la|nos)\s+)*(?:\w+(?:aron|ieron|ó)|\w{2,}(?:rá|rán)|ha|han|había|habían|está|están|estaba|estaban|es|son|fue|fueron|" +
        @"va|van|sigue|siguen|tiene|tienen|quiere|quieren|puede|pueden|debe|deben|reitera|reiteran|reafirma|reafirman|acuerda|acuerdan|ofrece|ofrecen|" +
        @"apoya|apoyan|respalda|respaldan|expresa|expresan|destaca|destacan|propone|proponen|busca|buscan|espera|esperan|desea|desean|cree|creen|mantiene|mantienen)\b";

    /// <summary>Taking office is a date in a calendar, not an undertaking ("Duque asumirá la presidencia …").</summary>
    private const string _takingOffice = @"(?:asumir(?:á|án)\s+(?:la\s+presidencia|el\s+cargo|el\s+mando|sus\s+funciones)|jurar(?:á|án)\b|suceder(?:á|án)\b)";

    [GeneratedRegex(@"\s*;\s*|,?\s+(?:señalando|añadiendo|agregando|subrayando|destacando|indicando|afirmando|precisando|recordando)\s+que\s+|,\s*(?:mientras\s+que|pero|aunque|sin\s+embargo)\s+|(?<coord>(?:,\s*)?\s+(?:y|e|pero)\s+)(?=" + _adverbs + _finiteVerb + ")",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    public static partial Regex Boundary();

    [GeneratedRegex(@"\b" + _adverbs + _finiteVerb, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    public static partial Regex Predicate();

    [GeneratedRegex(@"\G" + _adverbs + @"(?:(?:ha|han|había|habían|hemos)\s+(?:\w+mente\s+)?)?(?:" +
        @"(?<intent>(?:está|están|estaba|estaban|estará|estarán|estado|se\s+(?:(?:ha|han)\s+)?(?:mostr|manifest|declar)(?:ó|aron|ado))\s+(?:\w+mente\s+)?(?:dispuest|decidid|determinad|interesad)[oa]s?\s+(?:a|en)\b" +
        @"|(?:expres|manifest|reiter|reafirm|mostr|destac)\w*\s+(?:su|sus|la)\s+(?:\w+\s+)?(?:voluntad|disposición|intención|deseo|determinación|decisión)\s+(?:de(?:l)?\s+(?:la\s+|el\s+)?\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*)?\s+)?(?:de|para|a)\b" +
        @"|(?:tiene|tienen|tenía|tenían)\s+(?:la\s+)?(?:intención|voluntad)\s+de\b|(?:busca|buscan|pretende|pretenden|planea|planean|proyecta|proyectan|espera|esperan|desea|desean)\s+\w+(?:ar|er|ir)\b)" +
        @"|(?<request>(?:inst|exhort|solicit|llam)(?:ó|aron|ado)\s+a\s+(?<obj>[^,;.]{1,80}?)\s+(?:a|que)\b|(?:pidi(?:ó|eron)|pedido|urgi(?:ó|eron)|urgido)\s+a\s+(?<obj>[^,;.]{1,80}?)\s+que\b)" +
        @"|(?<agreement>(?:acord(?:aron|ó|amos|ado)|convin(?:ieron|o)|convenido|decidi(?:eron|ó|do)|resolvi(?:eron|ó)|resuelto|coincidi(?:eron|do)\s+en\s+\w+(?:ar|er|ir)\b)(?!\s+(?:en\s+)?(?:sobre\s+)?(?:la|el)\s+(?:importancia|necesidad)\b)" +
        @"|(?:firm|suscrib)(?:aron|ó|ieron|ió|ado|ido)\s+\w+|alcanz(?:aron|ó|ado)\s+(?:un\s+)?(?:\w+\s+)?(?:acuerdo|consenso|entendimiento)\b)" +
        @"|(?<offer>(?:está|están|estaba|estaban|estará|estarán)\s+(?:\w+mente\s+)?(?:list|preparad)[oa]s?\s+(?:para|a)\b" +
        @"|ofrec(?:ió|ieron|ido)\s+(?:\w+(?:ar|er|ir)\b|(?:a\s+\S+\s+)?(?:(?:su|sus|el|la|los|las|un|una)\s+)?(?:\w+\s+){0,2}?(?:ayuda|asistencia|apoyo|cooperación|becas?|préstamos?|financiamiento|financiación|donación|donaciones|capacitación|vacunas)\b)" +
        @"|invit(?:ó|aron|ado)\s+(?<obj>[^,;.]{1,80}?)\s+a\s+\w+(?:ar|er|ir)\b" +
        @"|anunci(?:ó|aron|ado)\s+(?:\w+\s+){0,4}?(?:US\$|\$|€|USD)\s?[\d.,]+|anunci(?:ó|aron|ado)\s+(?:un|una)\s+(?:\w+\s+){0,3}?(?:paquete|donación|préstamo|ayuda|asistencia|contribución|fondo)\b)" +
        @"|(?<pledge>se\s+(?:(?:ha|han)\s+)?comprometi(?:ó|eron|do|dos|da|das)\s+a\b|se\s+compromet(?:e|en)\s+a\b" +
        @"|(?:reafirm|reiter|ratific|renov|destac|subray|expres|manifest|confirm|asumi)\w*\s+(?:[^,;.]{0,80}?\s)?(?:(?:su|sus|nuestro|nuestros)\s+(?:\w+\s+)?compromisos?\s+(?:de|con|a|para|por|en)\b|el\s+compromiso\s+de\s+\w+(?:ar|er|ir)(?:se)?\b|el\s+compromiso\s+de(?:l)?\s+(?:la\s+|el\s+|los\s+)?\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*)?\s+(?:con|de|a|para|en)\b)" +
        @"|(?:reafirm|reiter|ratific|renov)\w*\s+(?:su|sus|el)\s+(?:\w+\s+)?(?:apoyo|respaldo|adhesión)\s+(?:de(?:l)?\s+(?:la\s+|el\s+)?\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*)?\s+)?(?:a|al|para|con)\b" +
        @"|(?:va|van)\s+a\s+\w+(?:ar|er|ir)\b" +
        @"|(?!(?:será|serán|habrá|habrán|podrá|podrán|tendrá|tendrán)\b|" + _takingOffice + @")\w{2,}(?:rá|rán)\b" +
        @"|(?<support>apoya|apoyan|respalda|respaldan)\s+(?<sobj>\S))" +
        @")",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    public static partial Regex Trigger();

    /// <summary>acordaron, destacaron, se comprometieron, están, apoyarán: a plural verb ends in -n.</summary>
    private static bool IsPlural(string predicate) =>
        predicate.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.Length > 3 && w.EndsWith('n') && w is not ("también" or "según"));
}
