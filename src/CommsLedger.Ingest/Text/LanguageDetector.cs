namespace CommsLedger.Ingest.Text;

/// <summary>
/// English, Spanish or French, by which language's commonest function words the text uses most. Readouts are long
/// enough that a dozen words per language decide it; a tie (or no such word at all) is English, the ledger's default.
/// </summary>
internal static class LanguageDetector
{
    public const string English = "en";
    public const string Spanish = "es";
    public const string French = "fr";

    private static readonly (string Language, HashSet<string> Words)[] _lexicons =
    [
        (English, new(StringComparer.Ordinal) { "the", "and", "of", "to", "with", "that", "was", "were", "his", "their", "on", "for", "will", "said", "both" }),
        (Spanish, new(StringComparer.Ordinal) { "el", "los", "las", "del", "y", "con", "que", "una", "para", "por", "su", "sus", "se", "entre", "como", "ambos" }),
        (French, new(StringComparer.Ordinal) { "le", "les", "des", "du", "et", "avec", "que", "une", "pour", "par", "sur", "au", "aux", "est", "son", "ses", "deux", "entre" }),
    ];

    public static string Detect(IEnumerable<Sentence> sentences)
    {
        var counts = new int[_lexicons.Length];
        foreach (var token in sentences.SelectMany(s => s.Tokens).Where(t => t.IsWord))
        {
            var word = token.Value.ToLowerInvariant();
            for (var k = 0; k < _lexicons.Length; k++)
            {
                if (_lexicons[k].Words.Contains(word))
                {
                    counts[k]++;
                }
            }
        }

        var best = 0;
        for (var k = 1; k < counts.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        return _lexicons[best].Language;
    }
}
