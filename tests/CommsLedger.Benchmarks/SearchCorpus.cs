using CommsLedger.Domain.Parties;
using CommsLedger.Projections.Search;

namespace CommsLedger.Benchmarks;

/// <summary>
/// A generated, deterministic corpus for the search benchmark: statements and commitments over a number of
/// relationships, 80% English, 12% Spanish, 8% French. Words are drawn with a Zipf-like law (rank r about 1/r) from
/// the language's function words, then a domain vocabulary of diplomacy, then a long tail of made-up words, so a
/// domain word matches a realistic share of the entries (a few tenths of a percent to a few percent) rather than
/// nearly all or nearly none. Some common phrases ("clinical trials") are drawn as one unit, so a phrase query has
/// entries to find.
/// </summary>
public sealed class SearchCorpus(int seed)
{
    private const int TailWords = 20_000;
    private const int Spacing = 7;

    private static readonly string[] English = Words(
        "the and of to in is that for with on as are be by this will it its from at an have has was which their not or we our they should would these",
        "cooperation trade investment agreement minister president ministry relations bilateral development infrastructure port railway energy mining copper lithium fisheries agriculture export tariffs market access partnership strategic dialogue security climate pandemic health supply doses delivery vaccine support assistance loan credit finance bank debt technology digital students scholarships culture tourism visa embassy ambassador delegation summit visit meeting clinical_trials call talks negotiation memorandum framework commission committee sovereignty peace stability region reform rights democracy governance humanitarian aid reconstruction water education hospital equipment ventilators oxygen donation training exchange programme projects budget funding grants commitment pledge welcomes thanks reaffirms stresses supports opposes condemns notes agrees signed launched completed postponed resumed expanded strengthened friendship mutual benefit prosperity sustainable renewable solar electricity pipeline shipping maritime customs quarantine beef soybeans avocados coffee quinoa textiles steel vehicles batteries semiconductors satellites science research universities innovation ecommerce payments currency vaccines procurement multilateralism sinopharm jubilee anniversary",
        ["belt and road", "foreign minister", "vaccine procurement", "free trade agreement", "united nations", "climate change", "debt relief", "human rights", "import expo"]);

    private static readonly string[] Spanish = Words(
        "el la los las de del y que en un una por con para es su sus se al lo como más pero sobre entre ha han este esta también",
        "cooperación comercio inversión acuerdo ministro presidente relaciones desarrollo infraestructura puerto ferrocarril energía minería cobre litio pesca agricultura exportación aranceles mercado asociación diálogo seguridad clima pandemia salud suministro dosis entrega apoyo asistencia préstamo crédito banco deuda tecnología estudiantes becas cultura turismo embajada delegación cumbre visita reunión negociación comisión soberanía paz estabilidad región reforma derechos democracia ayuda reconstrucción agua educación hospital donación capacitación intercambio programa proyecto presupuesto compromiso agradece reafirma subraya amistad beneficio prosperidad sostenible vacuna vacunas adquisición multilateralismo",
        ["ensayos clínicos", "franja y ruta", "libre comercio", "naciones unidas"]);

    private static readonly string[] French = Words(
        "le la les de des du et que en un une pour avec est sont son ses sur dans au aux par qui ce cette nous il elle pas ne été leur",
        "coopération commerce investissement accord ministre président relations développement infrastructures port énergie mines cuivre pêche agriculture exportations tarifs marché partenariat dialogue sécurité climat pandémie santé approvisionnement doses livraison soutien assistance prêt crédit banque dette technologie étudiants bourses culture tourisme ambassade délégation sommet visite réunion négociation commission souveraineté paix stabilité région réforme droits démocratie aide reconstruction eau éducation hôpital don formation échange programme projet budget engagement remercie réaffirme souligne amitié prospérité durable vaccin vaccins achats multilatéralisme",
        ["essais cliniques", "libre échange", "nations unies"]);

    private static readonly string[] Topics = ["COVID-19 vaccine", "trade", "Belt and Road Initiative", "climate", "security", "investment", "education", "fisheries", "mining", "health"];
    private static readonly string[] Kinds = ["Pledge", "Offer", "Request", "Intent"];
    private static readonly string[] Statuses = ["Open", "Open", "Open", "Fulfilled", "PartiallyFulfilled", "Broken", "Withdrawn", "Lapsed"];

    private readonly Random _random = new(seed);

    /// <summary>The ledger's two-letter party codes (AD, AE, …) and the first <paramref name="count"/> pairs of them.</summary>
    public static (string Key, string A, string B)[] Relationships(int count)
    {
        var parties = Enumerable.Range(0, 26 * 26).Select(i => $"{(char)('A' + i / 26)}{(char)('A' + i % 26)}").Where(PartyCode.IsKnown).ToArray();
        var pairs = new List<(string, string, string)>(count);
        for (var a = 0; a < parties.Length && pairs.Count < count; a++)
        {
            for (var b = a + 1; b < Math.Min(parties.Length, 150) && pairs.Count < count; b++)
            {
                pairs.Add(($"{parties[a]}-{parties[b]}", parties[a], parties[b]));
            }
        }

        return [.. pairs];
    }

    /// <summary>The text of one entry, 12 to 36 units, and its configuration as the projection would choose it.</summary>
    public (string Body, string Config) Text()
    {
        var roll = _random.Next(100);
        var vocabulary = roll < 80 ? English : roll < 92 ? Spanish : French;
        var units = new string[12 + _random.Next(25)];
        for (var i = 0; i < units.Length; i++)
        {
            // rank = V^u for u uniform in [0, 1): P(rank r) is about 1 / (r ln V), Zipf's law with exponent 1.
            var rank = (int)Math.Pow(vocabulary.Length, _random.NextDouble());
            units[i] = vocabulary[Math.Min(rank, vocabulary.Length) - 1];
        }

        var body = string.Join(' ', units);
        return (body, SearchLanguage.Of(body));
    }

    public int Next(int bound) => _random.Next(bound);

    public string Topic() => Topics[_random.Next(Topics.Length)];

    public string Kind() => Kinds[_random.Next(Kinds.Length)];

    public string Status() => Statuses[_random.Next(Statuses.Length)];

    /// <summary>Function words first (the most frequent), then the domain words and phrases in the order written (an
    /// underscore joins the words of a phrase drawn as one unit),
    /// each followed by <see cref="Spacing"/> made-up words (domain word k has rank about 40 + 8k, so it is in
    /// about 2.4 / rank of the entries), then the rest of the made-up tail.</summary>
    private static string[] Words(string function, string domain, string[] phrases)
    {
        string[] syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "gu", "ba", "ve", "zo", "chi", "fi", "ho", "ju", "ly", "wa", "xe"];
        var tail = new Queue<string>(Enumerable.Range(0, TailWords).Select(i =>
            syllables[i % 20] + syllables[i / 20 % 20] + syllables[i / 400 % 20] + (i >= 8000 ? syllables[i / 8000 % 20] : "") + "n"));
        var words = new List<string>(function.Split(' '));
        foreach (var word in domain.Split(' ').Concat(phrases))
        {
            words.Add(word.Replace('_', ' '));
            for (var i = 0; i < Spacing; i++)
            {
                words.Add(tail.Dequeue());
            }
        }

        words.AddRange(tail);
        return [.. words];
    }
}
