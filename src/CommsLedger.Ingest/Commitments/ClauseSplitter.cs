using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Commitments;

/// <summary>
/// A clause of reported content at [Start, End) of the sentence. A coordinated clause ("..., and will provide ...")
/// shares the subject of the clause before it and starts at its predicate.
/// </summary>
internal readonly record struct Clause(int Start, int End, bool Coordinated);

/// <summary>
/// Cuts reported content into clauses at semicolons, at "noting that" / "adding that" / ", while" / ", but", and before a
/// second predicate joined by "and" ("supports X ... and stands ready to ...").
/// </summary>
internal static partial class ClauseSplitter
{
    internal const string PredicateStarters =
        "will|would|shall|is|are|was|were|remains?|remained|stands?|stood|supports?|supported|welcomes?|welcomed|encourages?|encouraged|understands?|appreciates?|appreciated|hopes?|hoped|looks?|looked|expects?|believes?|plans?|intends?|wish(?:es|ed)?|calls?|called|urges?|urged|agrees?|agreed|pledged?|pledges|vow(?:s|ed)?|promised?|promises|reaffirm(?:s|ed)?|reiterate[sd]?|express(?:es|ed)|invite[sd]?|offer(?:s|ed)?|noted|stressed|said|asked|signed|committ?(?:s|ed)?|has|have|had|met|held|spoke|talked|exchanged|shared|reviewed|continues?|continued|seeks?|values?|respects?|opposes?|attaches|announced|decided|thanked|praised|congratulated|discussed|underscored|emphasi[sz]ed|commended|condemned|requested|proposed|backs?|undert(?:akes|ook)|aims?|accept(?:s|ed)?|firmly|also|further|fully|actively";

    [GeneratedRegex(@"\s*;\s*|,?\s+(?:noting|adding|stressing|saying|emphasi[sz]ing|underlining|stating|pointing\s+out|expressing\s+hope)\s+that\s+|(?:,?\s+and)?\s+(?:said|says|noted|notes|stressed|stresses|added|adds|stated|emphasi[sz]ed|underlined|underscored|pointed\s+out)\s+(?:that\s+)?|,\s+(?:while|whereas)\s+|,\s+and\s+(?=(?:he|she|they|the\s+two|both|\p{Lu}[\w'’-]*)\b)|\s+and\s+(?=(?:he|she|they|we)\s)|(?<coord>(?:,\s*(?:and|but)|\s+(?:and|but))\s+)(?=(?:" + PredicateStarters + @")\b)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Boundary();

    public static IReadOnlyList<Clause> Split(string text, int start, int end)
    {
        var clauses = new List<Clause>();
        var clauseStart = start;
        var coordinated = false;
        foreach (Match boundary in Boundary().Matches(text[..end], start))
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
}
