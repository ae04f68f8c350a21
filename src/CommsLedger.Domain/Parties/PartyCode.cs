using System.Collections.Frozen;

namespace CommsLedger.Domain.Parties;

/// <summary>
/// A party to an interaction: a country by its ISO 3166-1 alpha-2 code, the European Union (EU, an
/// ISO "exceptionally reserved" code), or an international organisation by one of the documented
/// codes below. Organisation codes are three letters or more so they can never collide with a country.
/// </summary>
public static class PartyCode
{
    private const string IsoAlpha2 =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
        "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
        "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
        "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
        "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

    /// <summary>International organisations that may be parties. Documented in the README.</summary>
    public static readonly FrozenDictionary<string, string> Organisations = new Dictionary<string, string>
    {
        ["EU"] = "European Union",
        ["UNO"] = "United Nations",
        ["NATO"] = "North Atlantic Treaty Organization",
        ["ASEAN"] = "Association of Southeast Asian Nations",
        ["AFU"] = "African Union",
        ["OAS"] = "Organization of American States",
        ["OSCE"] = "Organization for Security and Co-operation in Europe",
        ["WHO"] = "World Health Organization",
        ["WTO"] = "World Trade Organization",
        ["IAEA"] = "International Atomic Energy Agency",
        ["GCC"] = "Gulf Cooperation Council",
        ["APEC"] = "Asia-Pacific Economic Cooperation",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Countries =
        IsoAlpha2.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Trimmed and upper-cased; call <see cref="Normalise"/> first where the code is untrusted.</summary>
    public static string Clean(string? raw) => (raw ?? "").Trim().ToUpperInvariant();

    public static bool IsKnown(string code) => Countries.Contains(code) || Organisations.ContainsKey(code);

    /// <summary>Every party the ledger knows (all 261: countries, then organisations), in code order within each.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [.. Countries.Order(StringComparer.Ordinal), .. Organisations.Keys.Where(k => !Countries.Contains(k)).Order(StringComparer.Ordinal)];

    /// <summary>Normalises (trim, upper case) and checks a code; null with a problem text when unknown.</summary>
    public static string? Normalise(string? raw, out string? problem)
    {
        var code = Clean(raw);
        if (code.Length == 0)
        {
            problem = "is required (an ISO 3166-1 alpha-2 country code such as CN, or EU)";
            return null;
        }

        if (!IsKnown(code))
        {
            problem = $"'{raw}' is not an ISO 3166-1 alpha-2 country code nor a documented organisation code";
            return null;
        }

        problem = null;
        return code;
    }
}
