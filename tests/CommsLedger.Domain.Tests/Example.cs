using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Tests;

/// <summary>The seed example: the China–Peru phone call of 5 Nov 2020, logged the next day.</summary>
internal static class Example
{
    public static readonly DateOnly CallDate = new(2020, 11, 5);
    public static readonly DateOnly Today = new(2020, 11, 6);
    public static readonly DateOnly PledgeDue = new(2021, 6, 30);
    public static readonly Guid InteractionId = Id(100);
    public static readonly Guid PledgeId = Id(200);
    public static readonly Guid StatementId = Id(300);
    public static readonly Guid FollowUpId = Id(400);
    public static readonly IReadOnlyList<string> CnPe = ["CN-PE"];

    public const string Summary = "Phone call on COVID-19 vaccines and trade";
    public const string SpeechText = "China supports phase-3 trials of the Sinopharm vaccine in Peru";
    public const string PledgeText = "support Sinopharm phase-3 trials in Peru";

    public static Participant WangYi => new("Wang Yi", "State Councilor and Foreign Minister", "CN");

    public static Participant MarioLopez => new("Mario Lopez", "Foreign Minister", "PE");

    public static Participant ErnestoAraujo => new("Ernesto Araujo", "Foreign Minister", "BR");

    /// <summary>1, 2, 3… as GUIDs, so the ids a decision hands out can be predicted.</summary>
    public static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    public static Func<Guid> IdsFrom(int first)
    {
        var next = first;
        return () => Id(next++);
    }

    public static InteractionDraft Call() => CallBetween(WangYi, MarioLopez);

    public static InteractionDraft CallBetween(params Participant[] participants) =>
        new(InteractionKind.PhoneCall, new OccurredAt(CallDate), participants, Summary,
            new SourceReference("xinhua-2020-11-06", "https://example.org/readout", null),
            Classification.Unclassified, ["041"], [], [], []);

    public static StatementDraft Statement(string country) => new("Wang Yi", country, SpeechText, ["vaccines"]);

    public static CommitmentDraft Commitment(string by, string? to) =>
        new(by, to, CommitmentKind.Pledge, PledgeText, "vaccines", PledgeDue, [], []);

    public static FollowUpDraft FollowUp(string action = "Follow up on vaccine procurement") =>
        new(action, "Americas desk", new DateOnly(2020, 12, 1));

    public static InteractionLogged Logged() =>
        new(InteractionId, InteractionKind.PhoneCall, new OccurredAt(CallDate), [WangYi, MarioLopez],
            ["CN", "PE"], CnPe, Summary, null, Classification.Unclassified, []);

    public static InteractionLogged LoggedWithBrazil() => Logged() with
    {
        Participants = [WangYi, MarioLopez, ErnestoAraujo],
        Parties = ["BR", "CN", "PE"],
        Relationships = ["BR-CN", "BR-PE", "CN-PE"],
    };

    public static StatementRecorded StatementRecorded() =>
        new(InteractionId, StatementId, "Wang Yi", "CN", SpeechText, ["vaccines", "trials"], Classification.Unclassified, CnPe);

    public static InteractionRetracted InteractionRetracted() => new(InteractionId, "logged twice", CnPe);

    public static FollowUpScheduled FollowUpScheduledOnInteraction() =>
        new(FollowUpId, InteractionId, null, "Follow up on vaccine procurement", "Americas desk", new DateOnly(2020, 12, 1), CnPe, Classification.Unclassified);

    public static PledgeMade PledgeMade() =>
        new(PledgeId, InteractionId, "CN", "PE", CommitmentKind.Pledge, PledgeText, "vaccines", PledgeDue, CallDate,
            CnPe, Classification.Unclassified, []);

    public static FollowUpScheduled FollowUpScheduledOnPledge() =>
        new(FollowUpId, PledgeId, PledgeId, "Ask for the trial schedule", "Americas desk", new DateOnly(2020, 12, 1), CnPe, Classification.Unclassified);

    public static PledgeRetracted PledgeRetracted() => new(PledgeId, "recorded in error", CnPe);
}
