using System.Text.Encodings.Web;
using CommsLedger.Api.Http;
using CommsLedger.Application.Search.Searching;
using CommsLedger.Domain.Pledges;
using CommsLedger.Web.Access;
using Mediator;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Search;

/// <summary>Search results for the box on every page: the same SearchLedger query as GET /search (web syntax, ranked,
/// highlighted, paged), with facets per relationship, party and year that narrow the search when followed. (The page
/// is at /find because /search is the API's.)</summary>
[Authorize(Policy = WebPolicies.Read)]
public sealed class FindModel(IMediator mediator) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Relationship { get; set; }
    [BindProperty(SupportsGet = true)] public string? By { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsKnownAt { get; set; }
    [BindProperty(SupportsGet = true)] public bool IncludeRetracted { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public string? PageNumber { get; set; }

    public SearchResults? Results { get; private set; }

    public int Pages => Results is null ? 0 : (int)Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        Results = await mediator.Send(new SearchLedger(
            Q.Trim(),
            QueryText.Relationship(Blank(Relationship)),
            QueryText.Party(Blank(By), "by"),
            QueryText.Choice<SearchKind>(Blank(Kind), "kind"),
            null,
            QueryText.Choice<PledgeStatus>(Blank(Status), "status"),
            null,
            QueryText.Date(Blank(From), "from"),
            QueryText.Date(Blank(To), "to"),
            QueryText.AsOf(Blank(AsKnownAt), null).KnownAt,
            IncludeRetracted,
            QueryText.Number(Blank(PageNumber), "p", 1, 100_000) ?? 1,
            PageSize), cancellationToken);
    }

    /// <summary>This search with some filters changed (null removes one), from page one.</summary>
    public string With(params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = Q, ["relationship"] = Relationship, ["by"] = By, ["kind"] = Kind, ["status"] = Status,
            ["from"] = From, ["to"] = To, ["asKnownAt"] = AsKnownAt, ["includeRetracted"] = IncludeRetracted ? "true" : null,
        };
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return "/find?" + string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }

    /// <summary>The passage with the matching words in &lt;mark&gt;, every part encoded.</summary>
    public static IHtmlContent Highlighted(SearchHit hit) =>
        new HtmlString(string.Concat(hit.Highlight.Select(part =>
            part.Match ? $"<mark>{HtmlEncoder.Default.Encode(part.Text)}</mark>" : HtmlEncoder.Default.Encode(part.Text))));

    public static string LinkOf(SearchHit hit) => hit.Kind == SearchKind.Commitment ? $"/pledge/{hit.EntryId}" : $"/interaction/{hit.InteractionId}";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
