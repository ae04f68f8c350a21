using CommsLedger.Api.Http;
using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Corrections.Retracting;
using CommsLedger.Application.FollowUps.Scheduling;
using CommsLedger.Application.Pledges.Assessing;
using CommsLedger.Application.Pledges.ChangingStatus;
using CommsLedger.Application.Pledges.NotingProgress;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;
using CommsLedger.Web.Access;
using CommsLedger.Web.Forms;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Pledges;

/// <summary>One pledge's whole life, and the forms that add to it: progress, outcome, compliance assessment,
/// follow-ups, correction and retraction. Every form carries the version the pledge was read at, so a change made
/// meanwhile by someone else is refused (nothing appended) and the pledge is shown again as it stands.</summary>
[Authorize(Policy = WebPolicies.Read)]
public sealed class PledgeModel(IMediator mediator, TimeProvider clock) : PageModel, ILedgerForm
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? On { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Score { get; set; }
    [BindProperty] public string? Rationale { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public string? Field { get; set; }
    [BindProperty] public string? Now { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public ScheduleForm Schedule { get; set; } = new();

    public PledgeRegister? Pledge { get; private set; }

    public bool ErrorsPerForm => true;

    public async Task LoadAsync(CancellationToken cancellationToken) => Pledge = await mediator.Send(new GetPledge(Id), cancellationToken);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    [Requires(WebPolicies.Record)]
    public async Task<IActionResult> OnPostProgressAsync(CancellationToken cancellationToken) =>
        Done("Progress noted", await mediator.Send(new NoteProgress(Id, Version, Note ?? "", QueryText.DateOrToday(On, "asOf", clock)), cancellationToken));

    [Requires(WebPolicies.Record)]
    public async Task<IActionResult> OnPostStatusAsync(CancellationToken cancellationToken)
    {
        var status = QueryText.Choice<PledgeStatus>(Status, "status")
            ?? throw new CommandRejected([new FieldError("status", "is required: fulfilled, partially-fulfilled, broken, withdrawn or lapsed")]);
        var on = QueryText.DateOrToday(On, "on", clock);
        return Done($"Recorded as {PledgeDecisions.Describe(status)}", await mediator.Send(new ChangePledgeStatus(Id, Version, status, on, Note ?? ""), cancellationToken));
    }

    [Requires(WebPolicies.Review)]
    public async Task<IActionResult> OnPostAssessAsync(CancellationToken cancellationToken)
    {
        var score = QueryText.Number(Score, "score", -1, 1) ?? throw new CommandRejected([new FieldError("score", "is required: +1, 0 or -1")]);
        var on = QueryText.DateOrToday(On, "on", clock);
        return Done("Compliance assessed", await mediator.Send(new AssessCompliance(Id, Version, score, Rationale ?? "", Evidence, on), cancellationToken));
    }

    [Requires(WebPolicies.Record)]
    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken cancellationToken)
    {
        return Done("Follow-up scheduled", await mediator.Send(new ScheduleFollowUp(EntryKind.Pledge, Id, Version, Schedule.Draft()), cancellationToken));
    }

    [Requires(WebPolicies.Record)]
    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken cancellationToken) =>
        Done($"Correction of the {Field} recorded; the original stays in the log",
            await mediator.Send(new CorrectEntry(EntryKind.Pledge, Id, null, Version, Field ?? "", Now ?? "", Reason ?? ""), cancellationToken));

    [Requires(WebPolicies.Record)]
    public async Task<IActionResult> OnPostRetractAsync(CancellationToken cancellationToken) =>
        Done("Retracted; the pledge stays in the log, marked retracted",
            await mediator.Send(new RetractEntry(EntryKind.Pledge, Id, null, Version, Reason ?? ""), cancellationToken));

    private RedirectResult Done(string what, Changed changed)
    {
        TempData["Done"] = $"{what} (the pledge is now at version {changed.Version}).";
        return Redirect($"/pledge/{Id}");
    }
}
