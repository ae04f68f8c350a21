using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Web.Forms;

/// <summary>"Schedule a follow-up", on a pledge's page and on an interaction's: the fields as typed, read as the API
/// reads them (<see cref="FollowUpFile"/>), so the field errors are the API's.</summary>
public sealed class ScheduleForm
{
    public string? Action { get; set; }
    public string? Owner { get; set; }
    public string? Due { get; set; }

    public FollowUpDraft Draft()
    {
        var errors = new FieldErrors();
        var draft = new FollowUpFile(Action, Owner, Due).ToDraft("", errors);
        errors.ThrowIfAny();
        return draft;
    }
}
