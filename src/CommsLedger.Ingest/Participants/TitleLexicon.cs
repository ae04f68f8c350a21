namespace CommsLedger.Ingest.Participants;

/// <summary>Words that make up office titles ("State Councilor and Foreign Minister", "Secretary of State").</summary>
internal static class TitleLexicon
{
    /// <summary>Words that end a title and can carry it alone ("President", "Minister").</summary>
    public static readonly HashSet<string> Heads = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "premier", "minister", "chancellor", "secretary", "councilor", "councillor", "counsellor", "counselor",
        "king", "queen", "emir", "amir", "sultan", "prince", "princess", "emperor", "monarch", "pope", "taoiseach",
        "chairman", "chairwoman", "chairperson", "chair", "ambassador", "envoy", "representative", "commissioner",
        "governor", "spokesperson", "spokesman", "spokeswoman", "adviser", "advisor", "director-general", "secretary-general",
        "speaker", "leader", "senator", "director", "mayor", "consul", "general", "admiral", "head",
        // Spanish
        "presidente", "presidenta", "ministro", "ministra", "canciller", "vicecanciller", "secretario", "secretaria", "mandatario",
        "mandataria", "jefe", "jefa", "embajador", "embajadora", "portavoz", "rey", "reina", "vicepresidente", "vicepresidenta",
        "comisario", "comisaria", "enviado", "enviada",
        // French
        "président", "présidente", "ministre", "chancelier", "chancelière", "secrétaire", "ambassadeur", "ambassadrice", "porte-parole",
        "roi", "reine", "vice-président", "vice-présidente", "secrétaire-général", "commissaire", "envoyé", "envoyée", "chef",
    };

    /// <summary>Heads that still read as a title when written in lower case ("the foreign minister").</summary>
    public static readonly HashSet<string> LowerCaseHeads = new(StringComparer.Ordinal)
    {
        "president", "premier", "minister", "chancellor", "secretary", "councilor", "councillor", "ambassador", "envoy",
        "commissioner", "spokesperson", "spokesman", "spokeswoman", "adviser", "advisor", "leader", "king", "queen",
        "emir", "sultan",
        "presidente", "presidenta", "ministro", "ministra", "canciller", "vicecanciller", "secretario", "secretaria", "mandatario",
        "mandataria", "jefe", "jefa", "embajador", "embajadora", "portavoz", "rey", "reina", "vicepresidente", "vicepresidenta",
        "président", "présidente", "ministre", "chancelier", "chancelière", "secrétaire", "ambassadeur", "ambassadrice", "porte-parole",
        "roi", "reine", "vice-président", "vice-présidente", "commissaire", "chef",
    };

    /// <summary>Plural heads that open a list of office holders ("the foreign ministers of Peru, X, and of Ecuador, Y"), with their singular.</summary>
    public static readonly Dictionary<string, string> PluralHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        ["leaders"] = "leader", ["ministers"] = "minister", ["presidents"] = "president", ["premiers"] = "premier", ["secretaries"] = "secretary",
        ["heads"] = "head", ["chancellors"] = "chancellor", ["presidentes"] = "presidente", ["ministros"] = "ministro", ["cancilleres"] = "canciller",
        ["mandatarios"] = "mandatario", ["jefes"] = "jefe", ["dirigentes"] = "dirigente", ["líderes"] = "líder", ["présidents"] = "président",
        ["ministres"] = "ministre", ["dirigeants"] = "dirigeant", ["chefs"] = "chef",
    };

    /// <summary>"of" in a title, in English, Spanish and French ("Minister of Foreign Affairs", "Ministro de Asuntos Exteriores", "ministre des Affaires étrangères").</summary>
    public static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase) { "of", "for", "de", "del", "des", "du", "d'" };

    /// <summary>Articles that may follow a connector ("of the Philippines", "de la República", "de l'Ukraine").</summary>
    public static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase) { "the", "la", "el", "los", "las", "l'", "les", "le" };

    /// <summary>Words that qualify a head ("Prime", "Foreign", "Deputy") or name a portfolio after "of"/"for".</summary>
    public static readonly HashSet<string> Modifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "prime", "vice", "deputy", "first", "acting", "senior", "chief", "special", "high", "permanent", "grand", "crown",
        "executive", "supreme", "federal", "national", "state", "foreign", "external", "defense", "defence", "finance",
        "trade", "economy", "economic", "interior", "home", "health", "energy", "commerce", "industry", "agriculture",
        "education", "environment", "justice", "security", "affairs", "cabinet", "assistant", "under", "principal",
        "presidential", "royal", "international", "cooperation", "development", "treasury", "worship", "europe",
        "relations", "investment", "planning", "labour", "labor", "transport", "tourism", "culture", "science",
        "technology", "digital", "defense", "climate", "public", "social", "welfare", "information", "communications",
        "immigration", "petroleum", "mines", "fisheries", "water", "infrastructure", "housing", "youth", "sports",
        "women", "regional", "integration", "commonwealth", "emergency", "parliamentary", "majority", "minority",
        "vice-president", "vice-premier", "co-chair", "trade-industry", "republic",
        // Spanish and French portfolios and qualifiers ("Ministro de Asuntos Exteriores", "ministre des Affaires étrangères")
        "asuntos", "exteriores", "relaciones", "estado", "defensa", "economía", "comercio", "hacienda", "interior", "exterior", "gobierno",
        "república", "electo", "electa", "adjunto", "adjunta", "gabinete", "consejo", "nacional", "federal", "cooperación", "desarrollo",
        "affaires", "étrangères", "étranger", "extérieures", "état", "défense", "économie", "commerce", "république", "gouvernement",
        "coopération", "développement", "européennes", "délégué", "déléguée", "sécurité", "finances", "santé", "justicia", "salud",
        "seguridad", "finanzas", "premier", "première", "vice", "general", "général", "générale", "haut", "haute", "représentant",
        "représentante", "alto", "alta", "representante", "primer", "primera",
    };

    /// <summary>Organisation words that may stand between a country and a title ("European Commission President").</summary>
    public static readonly HashSet<string> OrganisationWords = new(StringComparer.Ordinal)
    {
        "Commission", "Council", "Parliament", "Government", "Cabinet", "Committee", "Central", "Military", "Party",
        "Assembly", "Union",
    };

    public static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Madam", "Mme", "Mister", "H.E.", "H.E", "Dato", "Datuk", "Sheikh", "Sheikha",
        "Excellency", "His", "Her", "M", "Sr", "Sra", "Señor", "Señora", "Monsieur", "Madame", "Shri", "Smt", "Rt", "Hon",
    };

    /// <summary>Offices named by their function rather than their title: a head of state is the president, the king ….</summary>
    private static readonly HashSet<string> _headOfStateTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "presidente", "presidenta", "président", "présidente", "mandatario", "mandataria", "king", "queen", "rey", "reina",
        "roi", "reine", "emir", "sultan", "emperor",
    };

    public static bool IsTitleWord(string word) => Heads.Contains(word) || Modifiers.Contains(word);

    /// <summary>The word that names the office: the last head word ("Secretary of State" → secretary, "premier ministre" → ministre).</summary>
    public static string HeadOf(string title)
    {
        var words = title.Split(' ', '-');
        return (words.LastOrDefault(Heads.Contains) ?? words[^1]).ToLowerInvariant();
    }

    /// <summary>"jefe de Estado", "chef de l'État", "head of state" and "mandatario" name the office a president or monarch holds.</summary>
    public static bool SameOffice(string title, string? held)
    {
        var words = title.Split(' ', '-', '\'');
        var headOfState = words.Any(w => w is "mandatario" or "mandataria" or "Mandatario" or "Mandataria")
            || (words.Any(w => w.Equals("head", StringComparison.OrdinalIgnoreCase) || w.Equals("jefe", StringComparison.OrdinalIgnoreCase) || w.Equals("jefa", StringComparison.OrdinalIgnoreCase) || w.Equals("chef", StringComparison.OrdinalIgnoreCase))
                && words.Any(w => w.Equals("state", StringComparison.OrdinalIgnoreCase) || w.Equals("estado", StringComparison.OrdinalIgnoreCase) || w.Equals("état", StringComparison.OrdinalIgnoreCase)));
        return headOfState && held is not null && held.Split(' ', '-').Any(_headOfStateTitles.Contains);
    }
}
