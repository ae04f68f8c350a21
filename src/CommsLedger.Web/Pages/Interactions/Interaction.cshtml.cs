using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Corrections.Retracting;
using CommsLedger.Application.FollowUps.Scheduling;
using CommsLedger.Application.FollowUps.Viewing;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.FollowUps;
using CommsLedger.Projections.Interactions;
using CommsLedger.Web.Access;
using CommsLedger.Web.Forms;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Interactions;

/// <summary>One interaction: participants, statements, commitments, its follow-ups, corrections applied and listed,
/// retractions; recorders correct, retract and schedule follow-ups here (each form carries the version it was read at).</summary>
[Authorize(Policy = WebPolicies.Read)]
public sealed class InteractionModel(IMediator mediator) : PageModel, ILedgerForm
{
    public const string WholeInteraction = "interaction";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? Field { get; set; }
    [BindProperty] public string? Now { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public ScheduleForm Schedule { get; set; } = new();

    public InteractionRecord? Record { get; private set; }
    public IReadOnlyList<FollowUpItem> FollowUps { get; private set; } = [];

    public bool ErrorsPerForm => true;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Record = await mediator.Send(new GetInteraction(Id), cancellationToken);
        FollowUps = await mediator.Send(new ListFollowUpsOf(Id), cancellationToken);
    }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    [Requires(WebPolicies.Record)]
    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken cancellationToken)
    {
        var (kind, statement) = ParseTarget();
        var changed = await mediator.Send(new CorrectEntry(kind, Id, statement, Version, Field ?? "", Now ?? "", Reason ?? ""), cancellationToken);
        return Done($"Correction recorded: {Field} of the {Describe(kind)} (version {changed.Version}). The original stays in the log.");
    }

    [Requires(WebPolicies.Record)]
    public async Task<IActionResult> OnPostRetractAsync(CancellationToken cancellationToken)
    {
        var (kind, statement) = ParseTarget();
        var changed = await mediator.Send(new RetractEntry(kind, Id, statement, Version, Reason ?? ""), cancellationToken);
        return Done($"The {Describe(kind)} is retracted (version {changed.Version}). It stays in the log, marked retracted.");
    }

    [Requires(WebPolicies.Record)]
    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken cancellationToken)
    {
        var changed = await mediator.Send(new ScheduleFollowUp(EntryKind.Interaction, Id, Version, Schedule.Draft()), cancellationToken);
        return Done($"Follow-up scheduled (version {changed.Version}).");
    }

    private (EntryKind Kind, Guid? Statement) ParseTarget() =>
        Target == WholeInteraction ? (EntryKind.Interaction, null)
        : Guid.TryParse(Target, out var statement) ? (EntryKind.Statement, statement)
        : throw new CommandRejected([new FieldError("target", "choose the interaction or one of its statements")]);

    private static string Describe(EntryKind kind) => kind == EntryKind.Statement ? "statement" : "interaction";

    private RedirectResult Done(string message)
    {
        TempData["Done"] = message;
        return Redirect($"/interaction/{Id}");
    }
}
