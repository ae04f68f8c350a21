using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;
using CommsLedger.Ingest.Topics;

namespace CommsLedger.Ingest.Channel;

/// <summary>How the interaction happened, from the first sentence (headlines first) that names a channel in the past or present.</summary>
internal sealed record ChannelFinding(string Channel, int SentenceIndex, string Cameo);

/// <summary>
/// Reads the channel from the wording: "video call" beats "call", "phone" beats "met", "during his state visit" beats "met".
/// Mentions of planned contact ("will visit", "an upcoming visit", "invited him to visit") are skipped.
/// </summary>
internal static partial class ChannelDetector
{
    [GeneratedRegex(@"\b(?:video\s*(?:call|conference|link|talks?|meeting|summit|chat|conversation)s?|videoconference\w*|virtual(?:ly)?\s+(?:meeting|summit|call|talks?|conference|conversation|dialogue|discussion|exchange)s?|held\s+(?:\w+\s+){0,3}virtual|online\s+(?:meeting|summit|talks|conference)|(?:via|by)\s+video(?:\s*link)?|virtually|videoconferencia|videollamada|(?:reuni[oó]n|cumbre|conversaci[oó]n|encuentro)\s+virtual|visioconf[eé]rence|vid[eé]oconf[eé]rence|(?:r[eé]union|sommet|entretien|conversation)\s+virtuel(?:le)?|par\s+vid[eé]o)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Video();

    [GeneratedRegex(@"\b(?:joint\s+(?:\w+\s+){0,2}statement|joint\s+declaration|joint\s+communiqu[eé]|declaraci[oó]n\s+conjunta|comunicado\s+conjunto|d[eé]claration\s+(?:commune|conjointe)|communiqu[eé]\s+(?:commun|conjoint))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex JointStatement();

    [GeneratedRegex(@"\b(?:(?:conversaci[oó]n|di[aá]logo|llamada|comunicaci[oó]n)\s+telef[oó]nic[ao]|entretien\s+t[eé]l[eé]phonique|conversation\s+t[eé]l[eé]phonique|appel\s+t[eé]l[eé]phonique|par\s+t[eé]l[eé]phone|por\s+tel[eé]fono|(?:tele)?phone\s*(?:call|conversation|talks?|discussion)s?|telephone|phoned|(?:by|on\s+the|over\s+the)\s+phone|calls?\s+with|(?:a|the|their|his|her|this|first|today's|Tuesday's|Monday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's)\s+call\b|called\s+(?-i:(?=his\b|her\b|their\b|\p{Lu})))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b(?:letter|congratulatory\s+message|message\s+of\s+(?:condolences?|congratulations?|sympathy)|wrote\s+to|written\s+message|sent\s+(?:a|his|her)\s+message|carta|mensaje\s+de\s+(?:felicitaci[oó]n|condolencias?|p[eé]same)|envi[oó]\s+(?:un|su)\s+mensaje|lettre|message\s+de\s+(?:f[eé]licitations?|condol[eé]ances?)|a\s+adress[eé]\s+(?:un|son)\s+message)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Letter();

    [GeneratedRegex(@"\b(?:(?:state|official|working|first|two-day|three-day|four-day|\w+-day)\s+visit|visiting|visited|paid\s+(?:a|an)\s+(?:\w+\s+){0,2}visit|on\s+(?:a|an|his|her)\s+(?:\w+\s+){0,2}visit|during\s+(?:his|her|their)\s+(?:\w+\s+){0,2}visit|arrived\s+in|visita\s+(?:oficial|de\s+(?:Estado|trabajo))|(?:de|en|durante\s+su)\s+visita|visit[oó]\b|visite\s+(?:officielle|d['’][EÉ]tat|de\s+travail)|en\s+visite|lors\s+de\s+(?:sa|leur)\s+visite|a\s+visit[eé])\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Visit();

    [GeneratedRegex(@"\b(?:se\s+reuni(?:eron|[oó])|reuni[oó]n\s+(?:con|entre|de)|recibi[oó]|s[eé]\s+rencontr\w*|a\s+rencontr[eé]|a\s+re[cç]u|met|meets|meeting|received|receives|hosted|hosts|held\s+talks|talks\s+with|summit|sidelines|bilateral\s+talks|sat\s+down\s+with|encuentro|se\s+reuni[oó]|reuni[oó]n|r[eé]union|rencontre|s['’]est\s+r[eé]uni|se\s+sont\s+r[eé]unis|ont\s+tenu\s+des\s+(?:entretiens|pourparlers))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Meeting();

    [GeneratedRegex(@"\b(?:spoke|speaks|talked)\s+(?:\w+\s+){0,2}(?:with|to)\b|\bconversation\s+with\b|\bs['’](?:est\s+)?entret\w+\s+(?:\w+\s+){0,2}avec\b|\b(?:convers[oó]|dialog[oó])\s+(?:\w+\s+){0,2}con\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex SpokeWith();

    [GeneratedRegex(@"\b(?:will|would|shall|to|upcoming|forthcoming|planned|next|future|proposed|possible|invit\w*|forward\s+to|plans?\s+to|intends?\s+to|hopes?\s+to|return|reciprocal|pr[oó]xim[oa]|futur[oa]?|future|prochaine?|effectuer|realizar|rendre|efectuar|invitó|invité|invitación|invitation|se\s+reunir[aá]n?|se\s+rencontreront)\s+(?:[\w'’]+\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex PlannedBefore();

    [GeneratedRegex(@"\b(?:hosted|received|welcomed\s+(?:\w+\s+){0,6}to|held\s+talks\s+with\s+visiting|met\s+with\s+visiting|visiting)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex Hosting();

    [GeneratedRegex(@"(?<!\b(?:to|will|would|upcoming|planned|next|future|pr[oó]xima|prochaine)\s)\b(?:visit|visits|visita|visite)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex VisitInTitle();

    [GeneratedRegex(@"\b(?:sidelines|on\s+the\s+margins?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex ThirdLocation();

    private static readonly (string Channel, Func<Regex> Pattern)[] _byPriority =
    [
        (Channels.JointStatement, JointStatement),
        (Channels.Video, Video),
        (Channels.Phone, Phone),
        (Channels.Letter, Letter),
        (Channels.Visit, Visit),
        (Channels.Meeting, Meeting),
    ];

    /// <summary>
    /// The channel the text names; a meeting, or no channel at all, is refined by the page's address when its last segment is
    /// the title ("…/deputy-secretary-sullivans-visit-to-angola": a visit made of meetings).
    /// </summary>
    public static ChannelFinding Detect(IReadOnlyList<Sentence> sentences, string? source)
    {
        var found = FromText(sentences);
        if (found.Channel is not (Channels.Meeting or Channels.Other) || Slug(source) is not { } title)
        {
            return found;
        }

        if (VisitInTitle().IsMatch(title))
        {
            return found with { Channel = Channels.Visit, Cameo = Cameo.ForInteraction(Channels.Visit, false, false) };
        }

        var fromTitle = found.Channel == Channels.Other ? _byPriority.FirstOrDefault(p => HasCurrentCue(title, p.Pattern())).Channel : null;
        return fromTitle is null ? found : found with { Channel = fromTitle, Cameo = Cameo.ForInteraction(fromTitle, false, false) };
    }

    /// <summary>The first sentence that names a channel; within it, the most specific cue; "spoke with" (a call) only when nothing else is named there.</summary>
    private static ChannelFinding FromText(IReadOnlyList<Sentence> sentences)
    {
        foreach (var sentence in sentences)
        {
            foreach (var (channel, pattern) in _byPriority)
            {
                if (HasCurrentCue(sentence.Text, pattern()))
                {
                    return Finding(channel, sentence);
                }
            }

            if (HasCurrentCue(sentence.Text, SpokeWith()))
            {
                return Finding(Channels.Phone, sentence);
            }
        }

        return new ChannelFinding(Channels.Other, -1, Cameo.ForInteraction(Channels.Other, false, false));
    }

    /// <summary>The words of the address's last path segment, when it reads as a title (four words or more).</summary>
    private static string? Slug(string? source)
    {
        if (source is null || !Uri.TryCreate(source, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segment = uri.AbsolutePath.TrimEnd('/').Split('/')[^1];
        var dot = segment.LastIndexOf('.');
        var words = (dot > 0 ? segment[..dot] : segment).Split('-', '_', '+').Where(w => w.Length > 0).ToArray();
        return words.Length >= 4 && words.Count(w => w.All(char.IsLetter)) >= 4 ? string.Join(' ', words) : null;
    }

    private static ChannelFinding Finding(string channel, Sentence sentence) =>
        new(channel, sentence.Index, Cameo.ForInteraction(channel, Hosting().IsMatch(sentence.Text), ThirdLocation().IsMatch(sentence.Text)));

    private static bool HasCurrentCue(string text, Regex pattern)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var before = text[Math.Max(0, match.Index - 40)..match.Index];
            if (!PlannedBefore().IsMatch(before))
            {
                return true;
            }
        }

        return false;
    }
}
