namespace CommsLedger.Ingest.Text;

/// <summary>
/// Splits a readout into headline lines and prose sentences. Paragraphs are separated by blank lines;
/// a line without closing punctuation that stands alone (or sits above the first prose line) is a headline.
/// Sentences longer than <see cref="MaxSentenceLength"/> are cut at a space so that no pattern ever sees more.
/// </summary>
internal static class SentenceSplitter
{
    public const int MaxSentenceLength = 1500;
    private const int _maxHeadlineLength = 200;
    private const int _maxListItemLength = 60;
    private const int _minUnwrappedLength = 90;

    private static readonly HashSet<string> _abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Capt", "Gov", "Sen", "Rep", "Prof", "Amb",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Corp", "Inc", "Co", "Ltd", "No", "Nos", "vs", "Mt", "Ft", "approx", "Adm", "Excellency",
    };

    public static IReadOnlyList<Sentence> Split(string text, int start)
    {
        var sentences = new List<Sentence>();
        var proseSeen = false;
        foreach (var (blockStart, blockEnd) in Blocks(text, start))
        {
            var lines = Lines(text, blockStart, blockEnd);
            var headerBlock = !proseSeen && lines.TrueForAll(l => IsUnpunctuated(text, l.Start, l.End));
            var proseStart = -1;
            for (var n = 0; n < lines.Count; n++)
            {
                var (lineStart, lineEnd) = lines[n];
                var mayBeHeadline = lines.Count == 1 || headerBlock || (!proseSeen && (IsShortLead(text, lines, n) || IsLongTitle(text, lines, n)));
                if (proseStart < 0 && mayBeHeadline && IsUnpunctuated(text, lineStart, lineEnd))
                {
                    sentences.Add(new Sentence(sentences.Count, lineStart, text[lineStart..lineEnd], isHeadline: true));
                    continue;
                }

                if (proseStart < 0)
                {
                    proseStart = lineStart;
                }
            }

            if (proseStart >= 0)
            {
                proseSeen = true;
                foreach (var (segmentStart, segmentEnd) in ProseSegments(text, lines, proseStart))
                {
                    SplitProse(text, segmentStart, segmentEnd, sentences);
                }
            }
        }

        return sentences;
    }

    /// <summary>
    /// A list introduced by a colon ("agreed to:" and bullet lines, or short unpunctuated lines) belongs to the sentence that
    /// introduces it; the line after the list starts a new sentence even without a full stop before it.
    /// </summary>
    private static IEnumerable<(int Start, int End)> ProseSegments(string text, List<(int Start, int End)> lines, int proseStart)
    {
        var segmentStart = proseStart;
        var n = lines.FindIndex(l => l.Start == proseStart);
        for (; n < lines.Count; n++)
        {
            if (lines[n].End == lines[n].Start || text[lines[n].End - 1] != ':')
            {
                continue;
            }

            var m = n + 1;
            while (m < lines.Count && IsListItem(text, lines[m]))
            {
                m++;
            }

            var bulleted = m > n + 1 && IsBullet(text, lines[n + 1].Start);
            if ((bulleted || m > n + 2) && m < lines.Count)
            {
                yield return (segmentStart, lines[m - 1].End);
                segmentStart = lines[m].Start;
            }

            n = m - 1;
        }

        yield return (segmentStart, lines[^1].End);
    }

    private static bool IsListItem(string text, (int Start, int End) line) =>
        line.End > line.Start && (IsBullet(text, line.Start) || (line.End - line.Start <= _maxListItemLength && text[line.End - 1] is not ('.' or '!' or '?' or ':')));

    public static bool IsBullet(string text, int lineStart) =>
        lineStart + 1 < text.Length && text[lineStart] is '-' or '–' or '—' or '•' or '*' or '·' or '▪' && char.IsWhiteSpace(text[lineStart + 1]);

    private static bool IsUnpunctuated(string text, int start, int end) =>
        end - start <= _maxHeadlineLength && text[end - 1] is not ('.' or '!' or '?' or ';' or ',' or ':' or '"' or '”' or '’' or '\'' or ')');

    /// <summary>A short line above a hard-wrapped paragraph is a title; a long one is the paragraph's first line.</summary>
    private static bool IsShortLead(string text, List<(int Start, int End)> lines, int n) =>
        n + 1 < lines.Count && lines[n].End - lines[n].Start < 50 && char.IsUpper(text[lines[n + 1].Start]);

    /// <summary>A first line longer than any hard wrap, with no full stop, above more text: a title or standfirst.</summary>
    private static bool IsLongTitle(string text, List<(int Start, int End)> lines, int n) =>
        n == 0 && lines.Count > 1 && lines[0].End - lines[0].Start >= _minUnwrappedLength && char.IsUpper(text[lines[1].Start]);

    private static List<(int Start, int End)> Blocks(string text, int start)
    {
        var blocks = new List<(int, int)>();
        var blockStart = -1;
        var blockEnd = -1;
        foreach (var (lineStart, lineEnd) in Lines(text, start, text.Length))
        {
            if (lineEnd == lineStart)
            {
                if (blockStart >= 0)
                {
                    blocks.Add((blockStart, blockEnd));
                }

                blockStart = -1;
                continue;
            }

            if (blockStart < 0)
            {
                blockStart = lineStart;
            }

            blockEnd = lineEnd;
        }

        if (blockStart >= 0)
        {
            blocks.Add((blockStart, blockEnd));
        }

        return blocks;
    }

    /// <summary>Trimmed lines of [start, end); an all-blank line comes back empty (Start == End).</summary>
    private static List<(int Start, int End)> Lines(string text, int start, int end)
    {
        var lines = new List<(int, int)>();
        var lineStart = start;
        while (lineStart <= end && lineStart < text.Length)
        {
            var newline = text.IndexOf('\n', lineStart, end - lineStart);
            var lineEnd = newline < 0 ? end : newline;
            var (s, e) = Trim(text, lineStart, lineEnd);
            lines.Add((s, e));
            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        return lines;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private static void SplitProse(string text, int start, int end, List<Sentence> sentences)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var boundary = i - sentenceStart >= MaxSentenceLength ? ForcedBoundary(text, sentenceStart, i) : BoundaryAfter(text, i, end);
            if (boundary > 0)
            {
                Add(text, sentenceStart, boundary, sentences);
                sentenceStart = boundary;
                i = boundary - 1;
            }
        }

        Add(text, sentenceStart, end, sentences);
    }

    private static int ForcedBoundary(string text, int sentenceStart, int i)
    {
        var space = text.LastIndexOf(' ', i, i - sentenceStart - (MaxSentenceLength / 2));
        return space > sentenceStart ? space + 1 : i;
    }

    private static int BoundaryAfter(string text, int i, int end)
    {
        var c = text[i];
        if (c is not ('.' or '!' or '?'))
        {
            return -1;
        }

        var j = i + 1;
        while (j < end && text[j] is '"' or '”' or '’' or '\'' or ')')
        {
            j++;
        }

        if (j >= end)
        {
            return end;
        }

        if (!char.IsWhiteSpace(text[j]))
        {
            return -1;
        }

        var k = j;
        while (k < end && char.IsWhiteSpace(text[k]))
        {
            k++;
        }

        var next = k < end ? text[k] : 'A';
        if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '“' or '‘' or '(' or '\''))
        {
            return -1;
        }

        return c == '.' && IsAbbreviation(text, i) ? -1 : j;
    }

    private static bool IsAbbreviation(string text, int period)
    {
        var wordStart = period;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        return word.Length == 1 && char.IsUpper(word[0]) || word.Contains('.', StringComparison.Ordinal) || _abbreviations.Contains(word);
    }

    private static void Add(string text, int start, int end, List<Sentence> sentences)
    {
        var (s, e) = Trim(text, start, end);
        if (e > s)
        {
            sentences.Add(new Sentence(sentences.Count, s, text[s..e], isHeadline: false));
        }
    }
}
