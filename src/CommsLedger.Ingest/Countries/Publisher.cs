namespace CommsLedger.Ingest.Countries;

/// <summary>
/// The government that published a readout, from its page's host: a country-code domain (gov.uk → GB, andina.pe → PE,
/// mofa.go.jp → JP), .gov/.mil (US), an EU or UN site, or a few well-known state outlets on generic domains. Unknown otherwise.
/// </summary>
internal static class Publisher
{
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
