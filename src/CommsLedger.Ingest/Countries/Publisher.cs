using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Countries;

/// <summary>
/// The government that published a readout, from its page's host: a country-code domain (gov.uk → GB, andina.pe → PE,
/// mofa.go.jp → JP), .gov/.mil (US), an EU or UN site, or a few well-known state outlets on generic domains. Unknown otherwise.
/// </summary>
internal static partial class Publisher
{
    /// <summary>Seats of government that name their country ("Readout from the White House", "Downing Street").</summary>
    private static readonly Dictionary<string, string> _seats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["White House"] = "US", ["State Department"] = "US", ["Department of State"] = "US", ["Departamento de Estado"] = "US",
        ["Downing Street"] = "GB", ["No 10"] = "GB", ["Kremlin"] = "RU", ["Élysée"] = "FR", ["Elysée"] = "FR", ["Casa Rosada"] = "AR",
        ["Itamaraty"] = "BR", ["Quai d'Orsay"] = "FR",
    };

    [GeneratedRegex(@"\b(?:White\s+House|State\s+Department|Department\s+of\s+State|Departamento\s+de\s+Estado|Downing\s+Street|No\s+10|Kremlin|Élysée|Elysée|Casa\s+Rosada|Itamaraty|Quai\s+d'Orsay)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex SeatOfGovernment();

    [GeneratedRegex(@"\b(?:Ministry|Ministerio|Minist[eè]re|Canciller[ií]a|Government|Gobierno|Gouvernement|Embassy|Embajada|Ambassade|Presidency|Presidencia|Pr[eé]sidence|Office)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex GovernmentBody();
    /// <summary>Country-code domains sold for other uses (.tv, .io, .me …): their owner says nothing about the publisher.</summary>
    private static readonly HashSet<string> _genericCountryDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "co", "tv", "io", "me", "ai", "fm", "ly", "cc", "ws", "to", "gg", "so", "sh", "am", "im", "la", "nu", "tk", "vc", "ac", "md", "ag",
    };

    private static readonly Dictionary<string, string> _knownHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["europa.eu"] = "EU",
        ["un.org"] = "UNO",
        ["nato.int"] = "NATO",
        ["au.int"] = "AFU",
        ["chineseembassy.org"] = "CN",
        ["xinhuanet.com"] = "CN",
        ["china.org.cn"] = "CN",
        ["chinadaily.com.cn"] = "CN",
        ["tass.com"] = "RU",
        ["tass.ru"] = "RU",
    };

    /// <summary>
    /// The publisher named in the text's own header: a seat of government ("Readout from the White House"), or a header line
    /// naming a government body of one country ("Ministry of Foreign Affairs of Japan"). A news agency is no publisher of its own.
    /// </summary>
    public static string? FromText(IReadOnlyList<Sentence> sentences, IReadOnlyList<IReadOnlyList<CountryMention>> countries)
    {
        var header = sentences.TakeWhile(s => s.IsHeadline).Concat(sentences.SkipWhile(s => s.IsHeadline).Take(1)).ToList();
        foreach (var sentence in header)
        {
            if (SeatOfGovernment().Match(sentence.Text) is { Success: true } seat)
            {
                return _seats[string.Join(' ', seat.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))];
            }
        }

        var bodies = header.Where(s => s.IsHeadline && GovernmentBody().IsMatch(s.Text))
            .Select(s => countries[s.Index].Select(m => m.Code).Distinct().ToList())
            .FirstOrDefault(codes => codes.Count == 1);
        return bodies?[0];
    }

    public static string? FromSource(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return null;
        }

        var host = uri.Host.TrimEnd('.');
        foreach (var (known, code) in _knownHosts)
        {
            if (host.Equals(known, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + known, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }

        var top = host[(host.LastIndexOf('.') + 1)..].ToLowerInvariant();
        return top switch
        {
            "gov" or "mil" => "US",
            "uk" => "GB",
            "eu" => "EU",
            _ when top.Length == 2 && !_genericCountryDomains.Contains(top) && Gazetteer.Shared.NameOf(top.ToUpperInvariant()) is not null => top.ToUpperInvariant(),
            _ => null,
        };
    }
}
