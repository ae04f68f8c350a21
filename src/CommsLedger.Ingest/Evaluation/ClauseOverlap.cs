using System.Text;

namespace CommsLedger.Ingest.Evaluation;

/// <summary>
/// How much of a gold clause a drafted clause covers: the share of the gold clause's distinct words (lower-cased,
/// punctuation stripped) that the drafted clause also has. 1.0 when the draft contains every gold word.
/// </summary>
public static class ClauseOverlap
{
    public const double MatchThreshold = 0.5;

    public static double Of(string gold, string drafted)
    {
        var goldWords = Words(gold);
        if (goldWords.Count == 0)
        {
            return 0;
        }

        var draftedWords = Words(drafted);
        return goldWords.Count(draftedWords.Contains) / (double)goldWords.Count;
    }

    public static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            Flush(word, words);
        }

        Flush(word, words);
        return words;
    }

    private static void Flush(StringBuilder word, HashSet<string> words)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
