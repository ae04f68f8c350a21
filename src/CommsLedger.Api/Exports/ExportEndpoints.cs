using System.ComponentModel.DataAnnotations;
using System.Text;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Http;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Application.Pledges.Listing;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;
using Mediator;

namespace CommsLedger.Api.Exports;

/// <summary>A relationship for reporting tools: the ledger view with every pledge in full, now or as of a moment.</summary>
public sealed record RelationshipExport(RelationshipView Relationship, IReadOnlyList<PledgeRegister> Pledges);

/// <summary>Exports read through the same queries as every other view, so they hold exactly what the reader may see.</summary>
public static class ExportEndpoints
{
    private static readonly string[] Columns = ["entry", "id", "interactionId", "occurredOn", "by", "to", "kind", "status", "due", "topic", "text"];

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/relationships/{key}/export", Export).WithTags("Exports").RequireAuthorization(Policies.Read)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Produces<RelationshipExport>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Export a relationship as JSON (format=json, default) or CSV (format=csv: one row per pledge and statement)");
        return app;
    }

    private static async Task<IResult> Export(string key, [AllowedValues("json", "csv")] string? format, string? asKnownAt, [DataType(DataType.Date)] string? asOccurredBy,
        IMediator mediator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var csv = (format ?? "json").ToLowerInvariant() switch
        {
            "json" => false,
            "csv" => true,
            _ => throw new CommandRejected([new FieldError("format", $"'{format}' is not json or csv")]),
        };
        var asOf = QueryText.AsOf(asKnownAt, asOccurredBy);
        var view = await mediator.Send(new GetRelationship(key, QueryText.Today(clock), asOf), cancellationToken);
        var pledges = await mediator.Send(new ListPledges(view.Key, null, null, null, null, asOf), cancellationToken);
        return csv
            ? Results.Text(Csv(view, pledges), "text/csv", Encoding.UTF8)
            : Results.Json(new RelationshipExport(view, pledges));
    }

    private static string Csv(RelationshipView view, IReadOnlyList<PledgeRegister> pledges)
    {
        var text = new StringBuilder().AppendLine(string.Join(',', Columns));
        foreach (var p in pledges)
        {
            Row(text, "pledge", p.Id.ToString(), p.InteractionId.ToString(), FileNames.Date(p.MadeOn), p.By, p.To ?? "", FileNames.Kebab(p.Kind),
                FileNames.Kebab(p.Status), p.Due is { } due ? FileNames.Date(due) : "", p.Topic, p.Text);
        }

        foreach (var s in view.Statements)
        {
            Row(text, "statement", s.StatementId.ToString(), s.InteractionId.ToString(), s.OccurredOn is { } on ? FileNames.Date(on) : "",
                s.Country, "", "", "", "", "", s.Text);
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, params string[] cells) =>
        text.AppendLine(string.Join(',', cells.Select(Quote)));

    /// <summary>RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula.</summary>
    private static string Quote(string cell)
    {
        var safe = cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' ? "'" + cell : cell;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
