using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using CommsLedger.Ingest;
using CommsLedger.Ingest.Drafting;
using CommsLedger.Web.Access;
using CommsLedger.Web.Forms;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Interactions;

public enum LogStep
{
    Paste,
    Form,
    Check,
}

/// <summary>
/// Log an interaction: the form (rows added and removed by the server, so no script is needed), then "check your
/// answers", then record — the same LogInteraction command as the API, checked with the API's own rules and field
/// names. "Start from a readout" drafts the form from a pasted readout (the drafter of POST /readouts/draft).
/// </summary>
[Authorize(Policy = WebPolicies.Record)]
public sealed class LogModel(IMediator mediator, Actor actor) : PageModel, ILedgerForm
{
    public const string PastedFileName = "pasted-readout.txt";

    [BindProperty] public InteractionForm Form { get; set; } = InteractionForm.Blank();
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty] public string? Readout { get; set; }
    [BindProperty] public string? ReadoutMarking { get; set; } = "unclassified";
    [BindProperty] public string? ReadoutOwner { get; set; }

    public LogStep Step { get; private set; } = LogStep.Form;
    public InteractionDraft? Checked { get; private set; }

    public Task LoadAsync(CancellationToken cancellationToken)
    {
        Step = Fields.Posted(HttpContext, "Draft") ? LogStep.Paste : LogStep.Form;
        return Task.CompletedTask;
    }

    public void OnGet() => Step = From == "readout" ? LogStep.Paste : LogStep.Form;

    public PageResult OnPostAdd(string? list)
    {
        Form.Add(list);
        return Page();
    }

    public PageResult OnPostRemove(string? list, int index)
    {
        Form.Remove(list, index);
        return Page();
    }

    public PageResult OnPostChange() => Page();

    /// <summary>Checks the form as the API would, before anything is recorded: every problem at once, next to its field.</summary>
    public PageResult OnPostContinue()
    {
        Checked = Check();
        Step = LogStep.Check;
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken cancellationToken)
    {
        var record = await mediator.Send(new LogInteraction(Check()), cancellationToken);
        TempData["Done"] = $"Recorded: the interaction, {record.Statements.Count} statements and {record.Commitments.Count} commitments (version {record.Version}).";
        return Redirect($"/interaction/{record.Id}");
    }

    /// <summary>Drafts the form from a readout's text: nothing is recorded until the person has reviewed it.</summary>
    public PageResult OnPostDraft()
    {
        var errors = new FieldErrors();
        errors.RequireText(Readout, "readout", ReadoutExtractor.MaxInputBytes);
        errors.RequireText(ReadoutOwner, "owner", 200);
        var marking = FileNames.Marking(ReadoutMarking ?? "", "classification", errors);
        foreach (var above in Markings.AboveClearance([("classification", marking)], actor.Clearance))
        {
            errors.Add(above.Field, above.Problem);
        }

        errors.ThrowIfAny();
        // Browsers send a textarea's lines ending in CR LF: the text is hashed (it is the source id) as the file would be.
        var text = Readout!.ReplaceLineEndings("\n");
        var draft = Extract(text);
        CommitPlan plan;
        try
        {
            plan = InteractionDrafts.From(draft, text, PastedFileName, marking, ReadoutOwner!.Trim());
        }
        catch (CommandRejected rejected)
        {
            throw new CommandRejected([.. rejected.Errors.Select(e => new FieldError("readout", $"{e.Field} {e.Problem}"))]);
        }

        ModelState.Clear();
        Form = InteractionForm.From(plan.Draft, [.. draft.Warnings, .. plan.LeftOut.Select(l => "left out: " + l)]);
        return Page();
    }

    private static ReadoutDraft Extract(string text)
    {
        try
        {
            return ReadoutExtractor.Extract(text);
        }
        catch (ReadoutRejectedException rejected)
        {
            throw new CommandRejected([new FieldError("readout", rejected.Message)]);
        }
    }

    private InteractionDraft Check()
    {
        var (draft, errors) = Form.ToFile().Checked(new FieldErrors());
        var above = draft is null ? [] : Markings.AboveClearance(draft.Markings(), actor.Clearance);
        return errors.Count + above.Length == 0 ? draft! : throw new CommandRejected([.. errors, .. above]);
    }
}
