using CommsLedger.Application.Interactions.Importing;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Reliability.Support;

/// <summary>Interactions as a busy desk logs them: a few parties, a statement, a pledge, each text unique to its write.</summary>
public static class Drafts
{
    public static readonly string[] Parties = ["BR", "CN", "DE", "FR", "IN", "PE", "US", "ZA"];

    public static string Interaction(string tag, Random random, Classification marking = Classification.Unclassified)
    {
        var parties = Parties.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToArray();
        var draft = new InteractionDraft(
            InteractionKind.Meeting,
            new OccurredAt(new DateOnly(2021, 1, 1).AddDays(random.Next(0, 1000))),
            [.. parties.Select(p => new Participant($"Minister of {p}", "Foreign Minister", p))],
            $"Meeting {tag} on trade and vaccines",
            null,
            marking,
            ["042"],
            [new StatementDraft($"Minister of {parties[0]}", parties[0], $"We will work together ({tag}).", ["trade"])],
            [new CommitmentDraft(parties[0], parties[1], CommitmentKind.Pledge, $"{parties[0]} will open a trade office ({tag})", "trade", null, [], ["030"])],
            []);
        return InteractionJson.Write(draft);
    }

    /// <summary>One interaction naming all 261 parties the ledger knows.</summary>
    public static string EveryParty()
    {
        var everyone = PartyCode.Known.Select(code => new Participant($"Minister {code}", "Foreign Minister", code));
        return InteractionJson.Write(Plain("everyone") with { Participants = [.. everyone] });
    }

    public static string WithSource(string? url, string? textSha256) =>
        InteractionJson.Write(Plain("sourced") with { Source = new SourceReference("reliability-source", url, textSha256) });

    private static InteractionDraft Plain(string summary) => new(
        InteractionKind.Meeting, new OccurredAt(new DateOnly(2021, 3, 1)),
        [new Participant("Minister of CN", "Foreign Minister", "CN"), new Participant("Minister of PE", "Foreign Minister", "PE")],
        summary, null, Classification.Unclassified, [], [], [], []);
}
