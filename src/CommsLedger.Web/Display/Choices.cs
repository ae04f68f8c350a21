using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Wire;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Web.Display;

/// <summary>The options of the pages' select fields, valued in the API's spellings (phone-call, top-secret).</summary>
public static class Choices
{
    public static IEnumerable<(string Value, string Label)> Of<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (WireNames.Of(v), WireNames.Of(v).Replace('-', ' ')));

    public static IEnumerable<(string Value, string Label)> InteractionKinds => Of<InteractionKind>();

    public static IEnumerable<(string Value, string Label)> CommitmentKinds => Of<CommitmentKind>();

    /// <summary>What can become of a pledge in the world (open and retracted are not outcomes).</summary>
    public static IEnumerable<(string Value, string Label)> Outcomes =>
        Of<PledgeStatus>().Where(o => o.Value is not ("open" or "retracted"));

    /// <summary>Markings up to the user's clearance: nobody records above it.</summary>
    public static IEnumerable<(string Value, string Label)> Markings(Classification clearance) =>
        Enum.GetValues<Classification>().Where(c => c <= clearance).Select(c => (WireNames.Of(c), c.Display()));

    /// <summary>A portion's marking, or the interaction's when left at the first option.</summary>
    public static IEnumerable<(string Value, string Label)> PortionMarkings(Classification clearance) =>
        [("", "Same as the interaction"), .. Markings(clearance)];

    public static IEnumerable<(string Value, string Label)> Roles => Of<LedgerRole>();
}
