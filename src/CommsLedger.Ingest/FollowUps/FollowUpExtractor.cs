using System.Text.RegularExpressions;
using CommsLedger.Ingest.Dates;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.FollowUps;

/// <summary>
/// Things to track: anniversaries, named events (expos, summits, forums), planned visits, meetings and signings to come,
/// trials, purchases and deliveries. Each is dated by the nearest time phrase in its sentence, looking forward.
/// Repeats (the same anniversary mentioned twice) are merged; things dated before publication are dropped.
/// </summary>
internal static partial class FollowUpExtractor
{
    private const string _end = @"(?=\s+(?:in|on|at|next|this|by|and|later|during|when|which|as|to|from|has|marks|will|is|was|falls|with|after|before)\b|\s*[,.;:()]|\s*$)";

    [GeneratedRegex(@"\b(?<what>(?:\d{1,3}(?:st|nd|rd|th)|\w+(?:ieth|tenth|first|second|third|fifth|eighth|ninth|twelfth))\s+anniversary\s+of\s+(?:the\s+)?[^,.;()]{2,80}?)" + _end,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Anniversary();

    [GeneratedRegex(@"\b(?<what>(?:[A-Z][\w'’&-]*\s+(?:(?:of|and|for|on|the)\s+){0,2}){0,6}(?:Expo|Summit|Forum|Conference|Fair|Games|Olympics|Dialogue|General\s+Assembly|Congress|Exhibition|Festival|World\s+Cup)|(?:G20|G-20|G7|G-7|BRICS|APEC|ASEAN|SCO|NATO|EU|CELAC|UNGA|WTO|COP\s?\d+|Quad)\s+(?:summit|meeting|ministerial|conference|forum|leaders'\s+summit)|COP\s?\d+)\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex NamedEvent();

    [GeneratedRegex(@"\b(?<what>(?:upcoming|forthcoming|planned|next|future|proposed|reciprocal|return|possible)\s+(?:\w+\s+){0,2}?visit(?:\s+(?:to|of|by)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*){1,4})?)|\b(?:will|would|to|plans?\s+to|intends?\s+to)\s+(?<what>(?:pay\s+(?:a|an)\s+(?:\w+\s+){0,2}visit\s+to|visit)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*){1,4})|\b(?<what>invitation\s+to\s+(?:pay\s+(?:a|an)\s+(?:\w+\s+){0,2})?visit\s+(?:to\s+)?(?:the\s+)?(?:[A-Z][\w'’.-]*\s*){1,4})",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex PlannedVisit();

    [GeneratedRegex(@"\b(?<what>(?:next|upcoming|forthcoming|another|new|first)\s+(?:round\s+of\s+)?(?:talks|meeting|session|summit|dialogue|consultations?|negotiations)(?:\s+of\s+(?:the\s+)?[^,.;()]{1,50}?)?)" + _end +
        @"|\b(?:will|would|to|agreed\s+to|plans?\s+to)\s+(?<what>(?:hold|convene|host|resume|reconvene)\s+(?:the\s+|a\s+|an\s+|their\s+)?[^,.;()]{1,60}?)" + _end +
        @"|\b(?:will|would|to|agreed\s+to|plans?\s+to)\s+(?<what>sign\s+(?:a|an|the)\s+[^,.;()]{1,60}?)" + _end +
        @"|\b(?:will|would|to|plans?\s+to)\s+(?<what>(?:send|dispatch|lead)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}delegation\s+to\s+(?:the\s+)?[^,.;()]{1,50}?)" + _end +
        @"|\b(?<what>(?:joint|bilateral|intergovernmental|strategic|binational)\s+(?:[\w-]+\s+){0,2}(?:commission|committee|council|working\s+group|dialogue|consultations|mechanism))\b[^.;]{0,60}?\b(?:will|would|is\s+to|are\s+to|to)\s+(?:meet|convene|hold)\b" +
        @"|\b(?<what>joint\s+(?:[\w-]+\s+){0,3}(?:exercises?|drills?|patrols?|manoeuvres|maneuvers))\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex PlannedMeeting();

    [GeneratedRegex(@"\b(?<what>(?:phase[- ]?(?:\d|I{1,3}|one|two|three)\s+)?(?:clinical\s+)?trials?\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:vaccines?|drugs?|medicines?|treatments?|candidates?)|phase[- ]?(?:\d|I{1,3}|one|two|three)\s+(?:clinical\s+)?trials?|clinical\s+trials?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Trial();

    [GeneratedRegex(@"\b(?<what>(?:purchas|procur|buy)(?:e|es|ed|ing|ement)?\s+(?:of\s+)?(?!the\s+(?:needs|way)\b)[^,.;()]{1,50}?)" + _end + @"|\b(?<what>[a-z][\w-]*\s+(?:procurement|purchases?|deliver(?:y|ies)|shipments?))\b|\b(?<what>(?:deliver(?:y|ies)|shipments?)\s+of\s+[^,.;()]{1,50}?)" + _end,
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Purchase();

    [GeneratedRegex(@"\b(?:recent|last|previous|past|just-concluded|successful)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex PastSetting();

    private static readonly (string Kind, Func<Regex> Pattern)[] _patterns =
    [
        ("anniversary", Anniversary),
        ("event", NamedEvent),
        ("visit", PlannedVisit),
        ("meeting", PlannedMeeting),
        ("trial", Trial),
        ("purchase", Purchase),
    ];

    public static IReadOnlyList<DraftFollowUp> Extract(IReadOnlyList<Sentence> sentences, int interactionSentence, DateOnly? published)
    {
        var found = new List<(string Key, DraftFollowUp FollowUp)>();
        foreach (var sentence in sentences.Where(s => !s.IsHeadline))
        {
            IReadOnlyList<TimeReference>? times = null;
            foreach (var (kind, pattern) in _patterns)
            {
                foreach (Match match in pattern().Matches(sentence.Text))
                {
                    var what = match.Groups["what"];
                    if (kind == "event" && (sentence.Index == interactionSentence || PastSetting().IsMatch(sentence.Text[Math.Max(0, what.Index - 30)..what.Index])))
                    {
                        continue;
                    }

                    times ??= TimeExpressions.Find(sentence.Text, published, TimeDirection.Future);
                    var followUp = Dated(Clean(what.Value), what.Index, times);
                    Merge(found, Key(kind, followUp.What), followUp, published);
                }
            }
        }

        return found.Select(f => f.FollowUp).ToList();
    }

    private static DraftFollowUp Dated(string what, int position, IReadOnlyList<TimeReference> times)
    {
        var nearest = times.Where(t => t.IsResolved).OrderBy(t => Math.Abs(t.Start - position)).FirstOrDefault();
        return nearest is null
            ? new DraftFollowUp(what, null, null, null)
            : new DraftFollowUp(what, nearest.Deadline, nearest.Text, nearest.PrecisionName);
    }

    private static void Merge(List<(string Key, DraftFollowUp FollowUp)> found, string key, DraftFollowUp followUp, DateOnly? published)
    {
        if (followUp.When is { } when && published is { } pub && when < pub)
        {
            return;
        }

        var index = found.FindIndex(f => f.Key == key || Overlaps(f.FollowUp.What, followUp.What));
        if (index < 0)
        {
            found.Add((key, followUp));
        }
        else
        {
            // The shorter wording names the thing ("first meeting of ..." over "host the first meeting of ..."); keep any date found.
            var kept = found[index].FollowUp;
            var what = followUp.What.Length < kept.What.Length ? followUp.What : kept.What;
            found[index] = (found[index].Key, (kept.When is null && followUp.When is not null ? followUp : kept) with { What = what });
        }
    }

    private static bool Overlaps(string a, string b) =>
        a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase);

    /// <summary>Two mentions of one thing share a key: the kind and its telling words ("anniversary 50th", "purchase vaccine").</summary>
    private static string Key(string kind, string what)
    {
        var words = Regex.Split(what.ToLowerInvariant(), @"[^\p{L}\p{N}]+", RegexOptions.None, TimeSpan.FromSeconds(1))
            .Where(w => w.Length > 2 && w is not ("the" or "of" or "and" or "for" or "from" or "more" or "additional"))
            .Select(w => w.TrimEnd('s'))
            .ToList();
        return kind switch
        {
            "anniversary" => kind + ":" + words.FirstOrDefault(),
            "trial" => kind,
            "purchase" => kind + ":" + words.FirstOrDefault(w => !w.StartsWith("purchas", StringComparison.Ordinal) && !w.StartsWith("procur", StringComparison.Ordinal) && w != "buy" && w != "buying"),
            _ => kind + ":" + string.Join(' ', words),
        };
    }

    /// <summary>"host a joint coast guard exercise" is tracked as the exercise.</summary>
    private static string Clean(string what) => LeadingVerb().Replace(what.Trim().TrimEnd('.', ',', ';'), "");

    [GeneratedRegex(@"^(?:hold|host|convene|resume|reconvene)\s+(?:(?:the|a|an|their)\s+)?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex LeadingVerb();
}
