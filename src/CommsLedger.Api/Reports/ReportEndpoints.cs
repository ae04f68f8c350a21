using System.Globalization;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Http;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Reports;
using CommsLedger.Application.Reports.Brief;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting;
using CommsLedger.Reporting.Documents;
using Mediator;

namespace CommsLedger.Api.Reports;

/// <summary>The reports of <c>commsledger report</c>, built as the caller with their clearance, in the same formats.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{kind}", Get).WithTags("Reports").RequireAuthorization(Policies.Report)
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "text/html", "text/csv", "application/json", "application/pdf")
            .WithSummary("A report (kind brief or scorecard) in format md, html, csv, json (default) or pdf; its header names the ledger position; "
                + "asKnownAt (instant) or atSequence rebuild it as it was, on (date) sets the day overdue is judged on, generatedAt pins the generated line");
        return app;
    }

    private static async Task<IResult> Get(string kind, string? format, string? relationship, string? asKnownAt, string? atSequence, string? on,
        string? since, string? contacts, string? generatedAt, IMediator mediator, Actor actor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var chosen = QueryText.Choice<ReportFormat>(format ?? "json", "format")!.Value;
        var knownAt = QueryText.AsOf(asKnownAt, null).KnownAt;
        var at = new ReportAt(knownAt, atSequence is null ? null : Sequence(atSequence));
        var day = QueryText.Date(on, "on") ?? (knownAt is { } k ? DateOnly.FromDateTime(k.UtcDateTime) : QueryText.Today(clock));
        var generated = generatedAt is null ? clock.GetUtcNow() : QueryText.AsOf(generatedAt, null).KnownAt!.Value;
        IQuery<IReport> query = kind.ToLowerInvariant() switch
        {
            "brief" => new BuildBrief(QueryText.Relationship(relationship) ?? throw new CommandRejected([new FieldError("relationship", "is required for a brief")]),
                day, QueryText.Date(since, "since"), QueryText.Number(contacts, "contacts", 1, 100) ?? 5, at),
            "scorecard" => new BuildScorecard(at),
            _ => throw new CommandRejected([new FieldError("kind", $"'{kind}' is not one of brief, scorecard")]),
        };
        var report = await mediator.Send(query, cancellationToken);
        var bytes = await CommsLedger.Reporting.Reports.Render(report, chosen,
            new Generation(generated, $"{actor.UserName} (clearance {actor.Clearance.Display()})", at.ToString()), cancellationToken);
        return Results.Bytes(bytes, CommsLedger.Reporting.Reports.MediaType(chosen));
    }

    private static long Sequence(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new CommandRejected([new FieldError("atSequence", $"'{text}' is not a ledger sequence (a whole number)")]);
}
