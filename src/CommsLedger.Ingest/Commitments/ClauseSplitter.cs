using System.Text.RegularExpressions;
using CommsLedger.Ingest.Commitments.Wording;

namespace CommsLedger.Ingest.Commitments;

/// <summary>
/// A clause of reported content at [Start, End) of the sentence. A coordinated clause ("..., and will provide ...") shares
/// the subject of the clause before it and starts at its predicate; a list item ("agreed to:" then "- continue …") shares
/// the subject and the verb of the clause that introduces the list.
/// </summary>
internal readonly record struct Clause(int Start, int End, bool Coordinated, bool ListItem = false);

/// <summary>
/// Cuts reported content into clauses at the language's boundaries (semicolons, "noting that", ", while", a second predicate
/// joined by "and" / "y" / "et"), and after a colon that ends a line, one clause per line of the list that follows.
/// </summary>
internal static class ClauseSplitter
{
    public static IReadOnlyList<Clause> Split(string text, int start, int end, CommitmentWording wording)
    {
        var list = ListStart(text, start, end);
        var clauses = Run(text, start, list < 0 ? end : list, wording.Boundary);
        if (list >= 0)
        {
            clauses.AddRange(ListItems(text, list, end));
        }

        return clauses;
    }

    private static List<Clause> Run(string text, int start, int end, Regex boundaries)
    {
        var clauses = new List<Clause>();
        var clauseStart = start;
        var coordinated = false;
        foreach (Match boundary in boundaries.Matches(text[..end], start))
        {
            if (boundary.Index > clauseStart)
            {
                clauses.Add(new Clause(clauseStart, boundary.Index, coordinated));
            }

            clauseStart = boundary.Index + boundary.Length;
            coordinated = boundary.Groups["coord"].Success;
        }

        if (end > clauseStart)
        {
            clauses.Add(new Clause(clauseStart, end, coordinated));
        }

        return clauses;
    }

    /// <summary>Where a list starts: just after the colon that ends a line, or -1.</summary>
    private static int ListStart(string text, int start, int end)
    {
        var newline = text.IndexOf('\n', start, end - start);
        while (newline >= 0)
        {
            var before = newline;
            while (before > start && char.IsWhiteSpace(text[before - 1]))
            {
                before--;
            }

            if (before > start && text[before - 1] == ':')
            {
                return before;
            }

            newline = newline + 1 < end ? text.IndexOf('\n', newline + 1, end - newline - 1) : -1;
        }

        return -1;
    }

    private static IEnumerable<Clause> ListItems(string text, int listStart, int end)
    {
        var lineStart = text.IndexOf('\n', listStart, end - listStart) + 1;
        while (lineStart > 0 && lineStart < end)
        {
            var lineEnd = text.IndexOf('\n', lineStart, end - lineStart);
            lineEnd = lineEnd < 0 ? end : lineEnd;
            var itemStart = lineStart;
            while (itemStart < lineEnd && (char.IsWhiteSpace(text[itemStart]) || Text.SentenceSplitter.IsBullet(text, itemStart)))
            {
                itemStart += Text.SentenceSplitter.IsBullet(text, itemStart) ? 2 : 1;
            }

            if (itemStart < lineEnd)
            {
                yield return new Clause(itemStart, lineEnd, Coordinated: false, ListItem: true);
            }

            lineStart = lineEnd + 1;
        }
    }
}
