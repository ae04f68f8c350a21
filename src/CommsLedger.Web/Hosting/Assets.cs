namespace CommsLedger.Web.Hosting;

/// <summary>The stylesheet and the few files the pages use, embedded in the assembly so the app serves them itself
/// from wherever it runs (no CDN: ministry networks have no internet).</summary>
public static class Assets
{
    private static readonly Dictionary<string, string> _types = new(StringComparer.Ordinal)
    {
        ["site.css"] = "text/css; charset=utf-8",
    };

    public static IResult Serve(string name, HttpContext http)
    {
        if (!_types.TryGetValue(name, out var type)
            || typeof(Assets).Assembly.GetManifestResourceStream("Assets/" + name) is not { } stream)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Stream(stream, type);
    }
}
