using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Dates;

/// <summary>
/// When the interaction happened: the first past day named in the lead, up to and including the sentence that names the
/// channel ("said Thursday", "on Saturday night", "yesterday", "On November 5"), never after publication.
/// </summary>
internal static partial class InteractionDate
{
    [GeneratedRegex(@"\b(?:will|would|next|upcoming|planned|scheduled|to\s+be\s+held|plans?\s+to|pr[oó]xim[oa]|prochaine?|prevista|prévue?|se\s+realizar[aá]|aura\s+lieu)\s+(?:\w+\s+){0,3}$|\b(?:until|by|before|hasta|antes\s+del?|avant|d['’]ici)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex PlannedBefore();

    public static (DateOnly? Date, string? Warning) Find(IReadOnlyList<Sentence> sentences, int interactionSentence, DateOnly? published)
    {
        var firstProse = sentences.FirstOrDefault(s => !s.IsHeadline)?.Index ?? 0;
        var last = Math.Max(interactionSentence, firstProse + 1);
        foreach (var sentence in sentences.Where(s => s.Index <= last))
        {
            foreach (var time in TimeExpressions.Find(sentence.Text, published, TimeDirection.Past))
            {
                var before = sentence.Text[Math.Max(0, time.Start - 30)..time.Start];
                if (time.Day is { } day && (published is null || day <= published) && !PlannedBefore().IsMatch(before))
                {
                    return (day, null);
                }
            }
        }

        return published is { } pub
            ? (pub, "date_of_interaction: not stated in the text; assumed to be the publication date")
            : (null, "date_of_interaction: not stated and no publication date to resolve it against");
    }
}
