using CommsLedger.Api.Auth;
using CommsLedger.Api.Reports;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Reports;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting;
using CommsLedger.Reporting.Documents;
using CommsLedger.Web.Access;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Pages.Reports;

/// <summary>A reporter or reviewer picks a kind of report and its parameters, and views it in the browser or downloads
/// it: the same report, with the same parameters and field messages, as <c>GET /reports/{kind}</c>. Building a report
/// changes nothing, so the form is a GET (its address can be kept and shared).</summary>
[Authorize(Policy = WebPolicies.Read)]
public sealed class IndexModel(IMediator mediator, Actor actor, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Label)> KindChoices =
    [
        ("brief", "Brief on one relationship"),
        ("overdue", "Overdue follow-ups"),
        ("scorecard", "Compliance scorecard"),
        ("activity", "Activity per month (with a chart)"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> FormatChoices =
        [("html", "HTML page"), ("pdf", "PDF"), ("md", "Markdown"), ("csv", "CSV"), ("json", "JSON")];

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }
    [BindProperty(SupportsGet = true)] public string? Relationship { get; set; }
    [BindProperty(SupportsGet = true)] public string? On { get; set; }
    [BindProperty(SupportsGet = true)] public string? Since { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Per { get; set; }
    [BindProperty(SupportsGet = true)] public string? Party { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsKnownAt { get; set; }
    [BindProperty(SupportsGet = true)] public string? AtSequence { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? Action { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!LedgerClaims.Roles(User).Overlaps([LedgerRole.Reporter, LedgerRole.Reviewer]))
        {
            return Forbid(WebSignIn.Scheme);
        }

        if (Kind is null)
        {
            return Page();
        }

        try
        {
            var format = Api.Http.QueryText.Choice<ReportFormat>(Format ?? "html", "format")!.Value;
            var text = new ReportQueryText(Format, Blank(Relationship), Blank(On), Blank(Since), null, Blank(Owner), Blank(Party), Blank(Per), Blank(From), Blank(To), Blank(AsKnownAt), Blank(AtSequence), null);
            var (request, generated) = text.Request(Kind, clock);
            var report = await mediator.Send(request.Query(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), cancellationToken);
            var bytes = await CommsLedger.Reporting.Reports.Render(report, format,
                new Generation(generated, $"{actor.UserName} (clearance {actor.Clearance.Display()})", (request.At ?? ReportAt.Now).ToString()), cancellationToken);
            return Deliver(bytes, format, $"{request.FileStem()}-seq{report.Header.Position.LastSequence}.{CommsLedger.Reporting.Reports.Extension(format)}");
        }
        catch (Exception e) when (e is CommandRejected or LedgerRuleViolated)
        {
            IReadOnlyList<FieldError> errors = e is CommandRejected rejected ? rejected.Errors : [new FieldError(((LedgerRuleViolated)e).Field, ((LedgerRuleViolated)e).Problem)];
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, error.Problem);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    /// <summary>Viewed: shown in the browser, text formats as plain text; downloaded: saved under a name with the kind
    /// and position. The report fetches nothing and runs no script, and its page is told so.</summary>
    private FileContentResult Deliver(byte[] bytes, ReportFormat format, string fileName)
    {
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        Response.Headers.XContentTypeOptions = "nosniff";
        if (Action == "download")
        {
            return File(bytes, CommsLedger.Reporting.Reports.MediaType(format), fileName);
        }

        return File(bytes, format is ReportFormat.Html or ReportFormat.Pdf ? CommsLedger.Reporting.Reports.MediaType(format) : "text/plain; charset=utf-8");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
