namespace CommsLedger.Projections.Search;

/// <summary>
/// The text-search configuration an entry is indexed with. Entries carry no language of their own, so it is read
/// from the text: the language whose common function words it uses most, when one clearly leads; otherwise
/// <c>simple</c> (no stemming, no stop words), which still finds every word as written. Deterministic, so a
/// rebuild indexes every entry exactly as it was indexed live.
/// </summary>
public static class SearchLanguage
{
    public const string English = "english";
    public const string Spanish = "spanish";
    public const string French = "french";
    public const string Simple = "simple";

    /// <summary>Every configuration an entry may have; a query is parsed once with each.</summary>
    public static readonly IReadOnlyList<string> All = [English, Spanish, French, Simple];

    private static readonly (string Language, HashSet<string> Words)[] FunctionWords =
    [
        (English, Words("the and of to in is that for with on as are be by this will it its from at an have has was were which their not or we our they should would these")),
        (Spanish, Words("el la los las de del y que en un una por con para es su sus se al lo como más pero sobre entre ha han este esta también ser muy hacia desde")),
        (French, Words("le la les de des du et que en un une pour avec est sont son ses sur dans au aux par qui ce cette nous il elle pas ne été leur entre vers")),
    ];

    public static string Of(string text)
    {
        var tokens = Tokens(text);
        var scores = FunctionWords.Select(l => (l.Language, Score: tokens.Count(l.Words.Contains))).OrderByDescending(s => s.Score).ToArray();
        return scores[0].Score > 0 && scores[0].Score > scores[1].Score ? scores[0].Language : Simple;
    }

    private static IEnumerable<string> Tokens(string text) =>
        text.ToLowerInvariant().Split(text.Where(c => !char.IsLetter(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);

    private static HashSet<string> Words(string list) => [.. list.Split(' ')];
}
