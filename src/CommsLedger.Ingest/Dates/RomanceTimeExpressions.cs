using System.Globalization;
using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Dates;

/// <summary>
/// Spanish and French time phrases: "el 24 de julio de 2017", "13 Julio 2017", "le 5 mars", "en setiembre próximo",
/// "el próximo mes de setiembre", "este jueves", "dimanche", "jeudi dernier", "hoy", "ayer", "mañana martes", "hier",
/// "demain", "el próximo año", "l'année prochaine", "cette semaine", "dentro de tres meses", "prochainement".
/// </summary>
internal static partial class RomanceTimeExpressions
{
    private const string _month = "(?<mes>(?i:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre))";

    private static readonly Dictionary<string, int> _months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["enero"] = 1, ["febrero"] = 2, ["marzo"] = 3, ["abril"] = 4, ["mayo"] = 5, ["junio"] = 6, ["julio"] = 7, ["agosto"] = 8,
        ["septiembre"] = 9, ["setiembre"] = 9, ["octubre"] = 10, ["noviembre"] = 11, ["diciembre"] = 12,
        ["janvier"] = 1, ["février"] = 2, ["mars"] = 3, ["avril"] = 4, ["mai"] = 5, ["juin"] = 6, ["juillet"] = 7, ["août"] = 8,
        ["septembre"] = 9, ["octobre"] = 10, ["novembre"] = 11, ["décembre"] = 12,
    };

    private static readonly Dictionary<string, DayOfWeek> _weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lunes"] = DayOfWeek.Monday, ["martes"] = DayOfWeek.Tuesday, ["miércoles"] = DayOfWeek.Wednesday, ["jueves"] = DayOfWeek.Thursday,
        ["viernes"] = DayOfWeek.Friday, ["sábado"] = DayOfWeek.Saturday, ["domingo"] = DayOfWeek.Sunday,
        ["lundi"] = DayOfWeek.Monday, ["mardi"] = DayOfWeek.Tuesday, ["mercredi"] = DayOfWeek.Wednesday, ["jeudi"] = DayOfWeek.Thursday,
        ["vendredi"] = DayOfWeek.Friday, ["samedi"] = DayOfWeek.Saturday, ["dimanche"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> _days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hoy"] = 0, ["aujourd'hui"] = 0, ["aujourd’hui"] = 0, ["ce matin"] = 0, ["cet après-midi"] = 0, ["ce soir"] = 0, ["esta mañana"] = 0,
        ["esta tarde"] = 0, ["esta noche"] = 0, ["ayer"] = -1, ["anoche"] = -1, ["hier"] = -1, ["anteayer"] = -2, ["avant-hier"] = -2,
        ["mañana"] = 1, ["demain"] = 1, ["pasado mañana"] = 2, ["après-demain"] = 2,
    };

    private static readonly Dictionary<string, string> _numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["un"] = "1", ["una"] = "1", ["une"] = "1", ["dos"] = "2", ["deux"] = "2", ["tres"] = "3", ["trois"] = "3", ["cuatro"] = "4",
        ["quatre"] = "4", ["seis"] = "6", ["six"] = "6", ["doce"] = "12", ["douze"] = "12",
    };

    [GeneratedRegex(
        @"\b(?<d>\d{1,2})(?:º|°|er)?\s+(?:de\s+)?" + _month + @"\b(?:,?\s+(?:de(?:l)?\s+)?(?<y>\d{4})\b)?" +
        @"|\b" + _month + @"\s+(?:de(?:l)?\s+)?(?<y>(?:19|20)\d{2})\b" +
        @"|\b(?:en|para|hasta|antes\s+de|a\s+(?:finales|fines|principios|mediados)\s+de|(?:el\s+)?(?:(?<rel>próximo)\s+)?mes\s+de|d['’]ici|avant|fin|début|au\s+mois\s+de|courant)\s+" + _month + @"(?:\s+(?<rel>próximo|prochain))?\b" +
        @"|\b" + _month + @"\s+(?<rel>próximo|prochain)\b" +
        @"|\b(?:(?<rel>(?i:este|el\s+pasado|el\s+próximo|ce))\s+)?(?<dia>(?i:lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))(?:\s+(?<rel>pasado|próximo|dernier|prochain))?\b" +
        @"|(?<![\w-])(?<palabra>(?i:hoy|ayer|anteayer|anoche|aujourd['’]hui|hier|avant-hier|demain|après-demain|ce\s+matin|cet\s+après-midi|ce\s+soir|esta\s+mañana|esta\s+tarde|esta\s+noche|pasado\s+mañana)|(?<!\b(?:la|esta|por\s+la|de\s+la)\s)(?i:mañana))(?![\w-])" +
        @"|\b(?:el|la)\s+(?<rel>próxim[oa]|pasad[oa])\s+(?<unit>año|mes|semana)\b|\b(?:el|la)\s+(?<unit>año|mes|semana)\s+(?<rel>próxim[oa]|pasad[oa]|que\s+viene|entrante)\b|\b(?<rel>este|esta|cette|ce)\s+(?<unit>año|mes|semana|année|mois|semaine)\b" +
        @"|(?:\bl['’]|\ble\s+|\bla\s+)(?<unit>année|an|mois|semaine)\s+(?<rel>prochaine?|dernière?)\b" +
        @"|\b(?:dentro\s+de|en\s+un\s+plazo\s+de|d['’]ici|dans)\s+(?<n>\d{1,2}|un|una|une|dos|deux|tres|trois|cuatro|quatre|seis|six|doce|douze)\s+(?<unit>días|semanas|meses|años|jours|semaines|mois|ans)\b" +
        @"|\b(?<vague>(?i:próximamente|prochainement|a\s+la\s+brevedad|en\s+un\s+futuro\s+próximo|dans\s+un\s+(?:proche\s+avenir|avenir\s+proche)|dans\s+les\s+meilleurs\s+délais|lo\s+antes\s+posible))\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex TimePattern();

    public static IReadOnlyList<TimeReference> Find(string text, DateOnly? published, TimeDirection direction)
    {
        var found = new List<TimeReference>();
        foreach (Match match in TimePattern().Matches(text))
        {
            var (from, to, precision) = Resolve(match, published, direction);
            found.Add(new TimeReference(match.Index, match.Length, match.Value, from, to, precision));
        }

        return found;
    }

    private static (DateOnly? From, DateOnly? To, TimePrecision Precision) Resolve(Match m, DateOnly? published, TimeDirection direction)
    {
        var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : (int?)null;
        var relation = Relation(m.Groups["rel"].Value);
        if (m.Groups["vague"].Success)
        {
            return (null, null, TimePrecision.Day);
        }

        if (m.Groups["mes"].Success)
        {
            return TimeExpressions.ResolveMonth(m, _months[m.Groups["mes"].Value], year, published, relation == "next" ? TimeDirection.Future : direction);
        }

        if (published is not { } pub)
        {
            return (null, null, TimePrecision.Day);
        }

        if (m.Groups["dia"].Success)
        {
            var day = RelativeDates.Weekday(pub, _weekdays[m.Groups["dia"].Value], relation, direction);
            return (day, day, TimePrecision.Day);
        }

        if (m.Groups["palabra"].Success)
        {
            var day = pub.AddDays(_days.GetValueOrDefault(string.Join(' ', m.Groups["palabra"].Value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))));
            return (day, day, TimePrecision.Day);
        }

        var unit = Unit(m.Groups["unit"].Value);
        if (m.Groups["n"].Success)
        {
            var day = RelativeDates.Within(pub, _numbers.GetValueOrDefault(m.Groups["n"].Value, m.Groups["n"].Value), unit);
            return (day, day, TimePrecision.Day);
        }

        return RelativeDates.Period(pub, relation, unit);
    }

    /// <summary>"next", "last" or "this" (the words <see cref="RelativeDates"/> reads), from the Spanish or French.</summary>
    private static string Relation(string word) => word.ToLowerInvariant() switch
    {
        "próximo" or "próxima" or "el próximo" or "prochain" or "prochaine" or "que viene" or "entrante" => "next",
        "pasado" or "pasada" or "el pasado" or "dernier" or "dernière" => "last",
        "este" or "esta" or "ce" or "cette" => "this",
        _ => "",
    };

    private static string Unit(string word) => word.ToLowerInvariant() switch
    {
        "año" or "años" or "année" or "an" or "ans" => "year",
        "mes" or "meses" or "mois" => "month",
        "semana" or "semanas" or "semaine" or "semaines" => "week",
        _ => "day",
    };
}
