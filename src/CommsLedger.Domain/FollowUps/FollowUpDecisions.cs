using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.FollowUps;

/// <summary>Completing and cancelling follow-ups, whichever stream (pledge or interaction) holds them.</summary>
public static class FollowUpDecisions
{
    public static FollowUpCompleted Complete(Pledge pledge, Guid followUpId, string outcome, DateOnly completedOn)
    {
        CheckCompletion(outcome, completedOn);
        return pledge.FollowUps.Complete(pledge.Id, pledge.Id, followUpId, outcome, completedOn, pledge.Relationships);
    }

    public static FollowUpCompleted Complete(Interaction interaction, Guid followUpId, string outcome, DateOnly completedOn)
    {
        CheckCompletion(outcome, completedOn);
        return interaction.FollowUps.Complete(interaction.Id, null, followUpId, outcome, completedOn, interaction.Relationships);
    }

    public static FollowUpCancelled Cancel(Pledge pledge, Guid followUpId, string reason)
    {
        FieldErrors.Check(errors => errors.RequireText(reason, "reason"));
        return pledge.FollowUps.Cancel(pledge.Id, pledge.Id, followUpId, reason, pledge.Relationships);
    }

    public static FollowUpCancelled Cancel(Interaction interaction, Guid followUpId, string reason)
    {
        FieldErrors.Check(errors => errors.RequireText(reason, "reason"));
        return interaction.FollowUps.Cancel(interaction.Id, null, followUpId, reason, interaction.Relationships);
    }

    private static void CheckCompletion(string outcome, DateOnly completedOn) => FieldErrors.Check(errors =>
    {
        errors.RequireText(outcome, "outcome");
        errors.RequirePlausibleDate(completedOn, "on");
    });
}
