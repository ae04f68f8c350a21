using CommsLedger.Api.Http;
using CommsLedger.Application.History.Reading;
using CommsLedger.Application.Interactions.TimeTravel;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Web.Pages.Relationships;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.TimeTravel;
using CommsLedger.Web.Access;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Review;

/// <summary>A reviewer's page: a relationship, a pledge or an interaction as known at an instant and as occurred by
/// a date, side by side with now, and the history of who recorded what when — with what each correction replaced.</summary>
[Authorize(Policy = WebPolicies.Read)]
public sealed class ReviewModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public const int HistoryShown = 500;

    [BindProperty(SupportsGet = true)] public string? What { get; set; } = "relationship";
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsKnownAt { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOccurredBy { get; set; }

    public AsOf AsOf { get; private set; } = AsOf.Now;
    public (RelationshipLedgerView? Then, RelationshipLedgerView Now)? Relationship { get; private set; }
    public (PledgeRegister? Then, PledgeRegister Now)? Pledge { get; private set; }
    public (InteractionRecord? Then, InteractionRecord Now)? Interaction { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            return;
        }

        AsOf = QueryText.AsOf(Blank(AsKnownAt), Blank(AsOccurredBy));
        var today = QueryText.Today(clock);
        switch (What)
        {
            case "pledge":
                var pledge = await mediator.Send(new GetPledge(Guid()), cancellationToken);
                Pledge = (AsOf.IsNow ? pledge : await Then(() => mediator.Send(new GetPledge(pledge.Id, AsOf), cancellationToken).AsTask()), pledge);
                History = await HistoryOf(pledge.Relationships[0], pledge.Id, cancellationToken);
                break;
            case "interaction":
                var interaction = await mediator.Send(new GetInteraction(Guid()), cancellationToken);
                Interaction = (AsOf.IsNow ? interaction : await mediator.Send(new GetInteractionAsOf(interaction.Id, AsOf), cancellationToken), interaction);
                History = await HistoryOf(interaction.Relationships[0], interaction.Id, cancellationToken);
                break;
            default:
                var now = await RelationshipLedgerView.Read(mediator, Id.Trim(), today, null, cancellationToken);
                Relationship = (AsOf.IsNow ? now : await RelationshipLedgerView.Read(mediator, now.View.Key, today, AsOf, cancellationToken), now);
                History = await HistoryOf(now.View.Key, null, cancellationToken);
                break;
        }
    }

    /// <summary>The link that shows the subject as the ledger knew it just before an event was recorded.</summary>
    public string JustBefore(HistoryEntry entry) =>
        $"/review?what={What}&id={Uri.EscapeDataString(Id ?? "")}&asKnownAt={Uri.EscapeDataString(Display.When.Typed(entry.RecordedAt.AddTicks(-10)))}";

    /// <summary>Whether an event was recorded after the chosen instant (it is not in the left-hand column).</summary>
    public bool AfterKnownAt(HistoryEntry entry) => AsOf.KnownAt is { } at && entry.RecordedAt > at;

    private async Task<IReadOnlyList<HistoryEntry>> HistoryOf(string relationship, Guid? stream, CancellationToken cancellationToken)
    {
        var all = await mediator.Send(new GetHistory(relationship), cancellationToken);
        return [.. all.Where(e => stream is null || e.StreamId == stream).TakeLast(HistoryShown)];
    }

    private Guid Guid() => System.Guid.TryParse(Id, out var id) ? id
        : throw new CommandRejected([new FieldError("id", $"'{Id}' is not an id (a UUID such as 0b6f4c8e-59a4-5c4d-9a7e-1f2a3b4c5d6e)")]);

    /// <summary>A pledge made after the chosen moment did not exist then.</summary>
    private static async Task<T?> Then<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (EntryNotFound)
        {
            return null;
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
