using System.Globalization;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;

namespace CommsLedger.Application.History.Reading;

/// <summary>Says in words what each event recorded, and what a correction or retraction replaced.</summary>
internal static class HistoryLines
{
    public static (string What, string? Replaces) Describe(object data) => data switch
    {
        InteractionLogged e => ($"{e.Kind} logged: {string.Join(", ", e.Participants.Select(p => $"{p.Name} ({p.Country})"))} — {e.Summary}", null),
        StatementRecorded e => ($"statement by {e.Speaker} ({e.Country}): {e.Text}", null),
        CommitmentRecorded e => ($"commitment by {e.By}{To(e.To)} recorded: {e.Text}", null),
        InteractionEntryCorrected e => ($"{(e.StatementId is null ? "interaction" : "statement")} {e.Field} corrected to '{e.Now}' ({e.Reason})", $"{e.Field} was '{e.Was}'"),
        StatementRetracted e => ($"statement {e.StatementId} retracted ({e.Reason})", $"statement {e.StatementId}"),
        InteractionRetracted e => ($"interaction retracted ({e.Reason})", $"interaction {e.InteractionId}"),
        PledgeMade e => ($"{e.Kind.ToString().ToLowerInvariant()} by {e.By}{To(e.To)}: {e.Text}{Due(e.Due)}", null),
        PledgeProgressNoted e => ($"progress: {e.Note}", null),
        IPledgeOutcome e => ($"pledge {PledgeDecisions.Describe(e.Status)} on {Date(e.On)}{(e.Note.Length > 0 ? ": " + e.Note : "")}", null),
        ComplianceAssessed e => ($"compliance assessed {e.Score:+0;-0;0} ({(e.Score + 1) * 50}%): {e.Rationale}", null),
        PledgeCorrected e => ($"pledge {e.Field} corrected to '{e.Now}' ({e.Reason})", $"{e.Field} was '{e.Was}'"),
        PledgeRetracted e => ($"pledge retracted ({e.Reason})", $"pledge {e.PledgeId}"),
        FollowUpScheduled e => ($"follow-up scheduled: {e.Action} (owner {e.Owner}, due {Date(e.Due)})", null),
        FollowUpCompleted e => ($"follow-up completed on {Date(e.CompletedOn)}: {e.Outcome}", null),
        FollowUpCancelled e => ($"follow-up cancelled: {e.Reason}", null),
        _ => (data.GetType().Name, null),
    };

    private static string To(string? to) => to is null ? " (general)" : $" to {to}";

    private static string Due(DateOnly? due) => due is { } d ? $" (due {Date(d)})" : "";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
