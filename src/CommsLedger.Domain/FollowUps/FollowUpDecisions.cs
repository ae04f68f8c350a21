using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.FollowUps;

/// <summary>Completing and cancelling follow-ups, whichever stream (pledge or interaction) holds them.</summary>
public static class FollowUpDecisions
{
    public static Decision Complete(Pledge pledge, Guid followUpId, string outcome, DateOnly completedOn) =>
        Decision.Of(pledge.FollowUps.Complete(pledge.Id, pledge.Id, followUpId, outcome, completedOn, pledge.Relationships), followUpId);

    public static Decision Complete(Interaction interaction, Guid followUpId, string outcome, DateOnly completedOn) =>
        Decision.Of(interaction.FollowUps.Complete(interaction.Id, null, followUpId, outcome, completedOn, interaction.Relationships), followUpId);

    public static Decision Cancel(Pledge pledge, Guid followUpId, string reason) =>
        Decision.Of(pledge.FollowUps.Cancel(pledge.Id, pledge.Id, followUpId, reason, pledge.Relationships), followUpId);

    public static Decision Cancel(Interaction interaction, Guid followUpId, string reason) =>
        Decision.Of(interaction.FollowUps.Cancel(interaction.Id, null, followUpId, reason, interaction.Relationships), followUpId);
}
