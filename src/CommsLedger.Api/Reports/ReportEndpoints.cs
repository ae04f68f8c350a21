using System.Globalization;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Http;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Reports;
using CommsLedger.Application.Reports.Activity;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting;
using CommsLedger.Reporting.Documents;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CommsLedger.Api.Reports;

/// <summary>The reports of <c>commsledger report</c>, built as the caller with their clearance, in the same formats.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{kind}", Get).WithTags("Reports").RequireAuthorization(Policies.Report)
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "text/html", "text/csv", "application/json", "application/pdf")
            .WithSummary("A report (kind brief, overdue, scorecard or activity) in format md, html, csv, json (default) or pdf; its header names the ledger position; "
                + "asKnownAt (instant) or atSequence rebuild it as it was, on (date) sets the day overdue is judged on, generatedAt pins the generated line; "
                + "brief takes relationship (required), since, contacts; overdue relationship, owner; activity per (relationship or party), relationship, party, from, to (months)");
        return app;
    }

    private static async Task<IResult> Get(string kind, [AsParameters] ReportQueryText text, IMediator mediator, Actor actor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var format = QueryText.Choice<ReportFormat>(text.Format ?? "json", "format")!.Value;
        var (request, generated) = text.Request(kind, clock);
        var report = await mediator.Send(request.Query(QueryText.Today(clock)), cancellationToken);
        var bytes = await CommsLedger.Reporting.Reports.Render(report, format,
            new Generation(generated, $"{actor.UserName} (clearance {actor.Clearance.Display()})", (request.At ?? ReportAt.Now).ToString()), cancellationToken);
        return Results.Bytes(bytes, CommsLedger.Reporting.Reports.MediaType(format));
    }
}

/// <summary>The query string of <c>GET /reports/{kind}</c>, as text: each bad value is a 400 naming its parameter.</summary>
public sealed record ReportQueryText(
    [property: FromQuery(Name = "format")] string? Format,
    [property: FromQuery(Name = "relationship")] string? Relationship,
    [property: FromQuery(Name = "on")] string? On,
    [property: FromQuery(Name = "since")] string? Since,
    [property: FromQuery(Name = "contacts")] string? Contacts,
    [property: FromQuery(Name = "owner")] string? Owner,
    [property: FromQuery(Name = "party")] string? Party,
    [property: FromQuery(Name = "per")] string? Per,
    [property: FromQuery(Name = "from")] string? From,
    [property: FromQuery(Name = "to")] string? To,
    [property: FromQuery(Name = "asKnownAt")] string? AsKnownAt,
    [property: FromQuery(Name = "atSequence")] string? AtSequence,
    [property: FromQuery(Name = "generatedAt")] string? GeneratedAt)
{
    public (ReportRequest Request, DateTimeOffset Generated) Request(string kind, TimeProvider clock)
    {
        var at = new ReportAt(QueryText.AsOf(AsKnownAt, null).KnownAt, AtSequence is null ? null : Sequence(AtSequence));
        var errors = new FieldErrors();
        var from = Months.Parse(From, "from", errors);
        var to = Months.Parse(To, "to", errors);
        errors.ThrowIfAny();
        var request = new ReportRequest(kind, QueryText.Relationship(Relationship), QueryText.Date(On, "on"), QueryText.Date(Since, "since"),
            QueryText.Number(Contacts, "contacts", 1, 100), Owner, QueryText.Party(Party, "party"), QueryText.Choice<ActivityGrouping>(Per, "per"), from, to, at);
        return (request, GeneratedAt is null ? clock.GetUtcNow() : QueryText.AsOf(GeneratedAt, null).KnownAt!.Value);
    }

    private static long Sequence(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new CommandRejected([new FieldError("atSequence", $"'{text}' is not a ledger sequence (a whole number)")]);
}
