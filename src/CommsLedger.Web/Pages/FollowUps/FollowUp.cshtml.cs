using CommsLedger.Api.Http;
using CommsLedger.Application.FollowUps.Cancelling;
using CommsLedger.Application.FollowUps.Completing;
using CommsLedger.Application.FollowUps.Viewing;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Projections.FollowUps;
using CommsLedger.Web.Access;
using CommsLedger.Web.Forms;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.FollowUps;

/// <summary>One follow-up, to complete with its outcome or cancel with a reason. It lives in the stream of its pledge
/// or interaction, whose version the forms carry.</summary>
[Authorize(Policy = WebPolicies.Read)]
public sealed class FollowUpModel(IMediator mediator, TimeProvider clock) : PageModel, ILedgerForm
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? On { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public FollowUpItem? Item { get; private set; }

    /// <summary>The version of the pledge or interaction holding the follow-up.</summary>
    public long SubjectVersion { get; private set; }

    public string SubjectLink => Item?.PledgeId is { } pledge ? $"/pledge/{pledge}" : $"/interaction/{Item?.SubjectId}";

    public bool ErrorsPerForm => true;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Item = await mediator.Send(new GetFollowUp(Id), cancellationToken);
        SubjectVersion = Item.PledgeId is { } pledge
            ? (await mediator.Send(new GetPledge(pledge), cancellationToken)).Version
            : (await mediator.Send(new GetInteraction(Item.SubjectId), cancellationToken)).Version;
    }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    [Requires(WebPolicies.Record)]
    public async Task<IActionResult> OnPostCompleteAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new CompleteFollowUp(Id, Version, Outcome ?? "", QueryText.DateOrToday(On, "on", clock)), cancellationToken);
        return await Done("Follow-up completed", cancellationToken);
    }

    [Requires(WebPolicies.Record)]
    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new CancelFollowUp(Id, Version, Reason ?? ""), cancellationToken);
        return await Done("Follow-up cancelled", cancellationToken);
    }

    private async Task<IActionResult> Done(string message, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        TempData["Done"] = $"{message}: {Item!.Action}.";
        return Redirect(SubjectLink);
    }
}
