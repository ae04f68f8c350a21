using System.Text.RegularExpressions;
using CommsLedger.Ingest.Commitments.Wording;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Commitments;

/// <summary>A commitment verb found at the start of a predicate, with its kind and, where it has one, its object ("urged X to").</summary>
internal sealed record Trigger(string Kind, int Start, int Length, string? Object, int ObjectStart, bool IsSupport);

/// <summary>
/// The wording (per language, see <see cref="CommitmentWording"/>) that makes a predicate an undertaking. "supports X" counts
/// unless X is a principle ("supports multilateralism", "apoya el multilateralismo", "soutient la souveraineté").
/// </summary>
internal static partial class CommitmentTriggers
{
    [GeneratedRegex(@"^(?:[\w'’.-]+\s+){0,3}?(?:\w+ism|principles?|position|stance|view|views|idea|notion|concept|vision|policy|order|system|cause|rights?|sovereignty|independence|territorial\s+integrity|one-China|\w+ismo|principios?|posici[oó]n|postura|soberan[ií]a|independencia|integridad\s+territorial|derechos?|\w+isme|principes?|souverainet[eé]|ind[eé]pendance|int[eé]grit[eé]\s+territoriale|droits?)\b|^(?:\w+ism|\w+ismo|\w+isme)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Patterns.TimeoutMilliseconds)]
    private static partial Regex PrincipleObject();

    /// <summary>The commitment verb starting exactly at <paramref name="position"/> (adverbs first are allowed).</summary>
    public static Trigger? At(string text, int position, int end, CommitmentWording wording)
    {
        var match = wording.Trigger.Match(text[..end], position);
        if (!match.Success || match.Index != position)
        {
            return null;
        }

        var kind = match.Groups["intent"].Success ? CommitmentKinds.Intent
            : match.Groups["request"].Success ? CommitmentKinds.Request
            : match.Groups["agreement"].Success ? CommitmentKinds.Agreement
            : match.Groups["offer"].Success ? CommitmentKinds.Offer
            : CommitmentKinds.Pledge;
        var isSupport = match.Groups["support"].Success;
        if (isSupport && PrincipleObject().IsMatch(text[match.Groups["sobj"].Index..end]))
        {
            return null;
        }

        var obj = match.Groups["obj"];
        return new Trigger(kind, match.Index, match.Length, obj.Success ? obj.Value : null, obj.Success ? obj.Index : -1, isSupport);
    }
}
