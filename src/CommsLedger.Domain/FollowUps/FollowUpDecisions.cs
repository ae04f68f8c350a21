using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;

namespace CommsLedger.Domain.FollowUps;

/// <summary>Completing and cancelling follow-ups, whichever stream (pledge or interaction) holds them.</summary>
public static class FollowUpDecisions
{
    public static FollowUpCompleted Complete(Pledge pledge, Guid followUpId, string outcome, DateOnly completedOn) =>
        pledge.FollowUps.Complete(pledge.Id, pledge.Id, followUpId, RequireText(outcome, "outcome"), PlausibleDate(completedOn, "on"), pledge.Relationships);

    public static FollowUpCompleted Complete(Interaction interaction, Guid followUpId, string outcome, DateOnly completedOn) =>
        interaction.FollowUps.Complete(interaction.Id, null, followUpId, RequireText(outcome, "outcome"), PlausibleDate(completedOn, "on"), interaction.Relationships);

    private static DateOnly PlausibleDate(DateOnly date, string field)
    {
        var errors = new Shared.FieldErrors();
        errors.RequirePlausibleDate(date, field);
        errors.ThrowIfAny();
        return date;
    }

    public static FollowUpCancelled Cancel(Pledge pledge, Guid followUpId, string reason) =>
        pledge.FollowUps.Cancel(pledge.Id, pledge.Id, followUpId, RequireText(reason, "reason"), pledge.Relationships);

    public static FollowUpCancelled Cancel(Interaction interaction, Guid followUpId, string reason) =>
        interaction.FollowUps.Cancel(interaction.Id, null, followUpId, RequireText(reason, "reason"), interaction.Relationships);

    private static string RequireText(string? value, string field)
    {
        var errors = new Shared.FieldErrors();
        errors.RequireText(value, field);
        errors.ThrowIfAny();
        return value!;
    }
}
