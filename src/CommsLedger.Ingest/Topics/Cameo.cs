using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Topics;

/// <summary>
/// CAMEO event codes. Interactions: 041 discuss by telephone, 042 make a visit, 043 host a visit, 040 consult (meetings,
/// video calls), 044 meet at a third location, 010 make a statement (letters). Commitments: 057 sign formal agreement,
/// 036 express intent to meet or negotiate, 033 intent to provide material aid, 031 intent to engage in material (economic)
/// cooperation, 032 intent to provide diplomatic cooperation (support), 030 intent to cooperate, 020 make an appeal or request.
/// </summary>
internal static partial class Cameo
{
    [GeneratedRegex(@"\b(?:visit\w*|meet|meeting|summit|talks|negotiat\w*|consultations?|dialogue|hold\s+(?:a\s+)?(?:call|conference))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex MeetingWords();

    [GeneratedRegex(@"\b(?:aid|assistance|donat\w*|vaccines?|doses|supplies|supplied|supply|relief|humanitarian|loans?|grants?|equipment|funding|funds|food|medical)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex AidWords();

    [GeneratedRegex(@"\b(?:invest\w*|trade|trading|econom\w*|enterprises|companies|firms|business\w*|projects?|infrastructure|energy|expo|market\w*|imports?|exports?|industr\w*|technolog\w*|commerc\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex EconomicWords();

    [GeneratedRegex(@"\b(?:supports?|supported|backs?|backed|endorse\w*|stands?\s+with)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex SupportWords();

    [GeneratedRegex(@"\b(?:sign\w*|inked|memorandum|treaty|accord|agreement|deal|protocol)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex FormalAgreementWords();

    public static string ForInteraction(string channel, bool hosted, bool thirdLocation) => channel switch
    {
        Channels.Phone => "041",
        Channels.Visit => hosted ? "043" : "042",
        Channels.Meeting => thirdLocation ? "044" : "040",
        Channels.Letter or Channels.JointStatement => "010",
        _ => "040",
    };

    /// <summary>The clause decides; when it has no cue words, the sentence around it does.</summary>
    public static string ForCommitment(string kind, string clause, string sentence)
    {
        if (kind == CommitmentKinds.Request)
        {
            return "020";
        }

        if (kind == CommitmentKinds.Agreement)
        {
            return FormalAgreementWords().IsMatch(clause) || !MeetingWords().IsMatch(clause) ? "057" : "036";
        }

        return ByContent(clause, support: true) ?? ByContent(sentence, support: false) ?? "030";
    }

    /// <summary>Support counts only in the clause itself: "supports multilateralism" earlier in the sentence says nothing of the clause.</summary>
    private static string? ByContent(string text, bool support) =>
        MeetingWords().IsMatch(text) ? "036"
        : AidWords().IsMatch(text) && !(support && SupportWords().IsMatch(text)) ? "033"
        : support && SupportWords().IsMatch(text) ? "032"
        : EconomicWords().IsMatch(text) ? "031"
        : null;
}
