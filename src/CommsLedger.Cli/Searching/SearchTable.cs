using System.Globalization;
using CommsLedger.Application.Search.Searching;
using CommsLedger.Cli.Rendering;
using CommsLedger.Domain.Pledges;
using Spectre.Console;

namespace CommsLedger.Cli.Searching;

/// <summary>Search results for people (a table with the matched words in bold, then the facets) and for CSV.</summary>
public static class SearchTable
{
    public static void Write(IAnsiConsole console, SearchResults results)
    {
        var first = results.Total == 0 ? 0 : ((results.Page - 1) * results.PageSize) + 1;
        var found = results.MoreMatch ? $"More than {results.Total:N0}" : $"{results.Total:N0}";
        console.MarkupLine($"[bold]{found}[/] found for [bold]{Markup.Escape(results.Query)}[/]; showing {first}–{first + results.Hits.Count - Math.Sign(first)}");
        if (results.MoreMatch)
        {
            console.MarkupLine($"[dim]Ranked and counted among the {results.Total:N0} most recently recorded matches; narrow the search (--relationship, --by, --from/--to) for exact counts.[/]");
        }

        var table = new Table().Expand().AddColumns("Kind", "Date", "Parties", "Found", "Id");
        foreach (var hit in results.Hits)
        {
            table.AddRow(
                new Markup(Markup.Escape(Describe(hit))),
                new Markup(Cells.Date(hit.OccurredOn)),
                new Markup(Markup.Escape(string.Join(" ", hit.Parties))),
                new Markup(string.Concat(hit.Highlight.Select(p => p.Match ? $"[bold underline]{Markup.Escape(p.Text)}[/]" : Markup.Escape(p.Text)))),
                new Markup(Markup.Escape(hit.EntryId.ToString())));
        }

        console.Write(table);
        console.MarkupLine(Facet("Relationships", results.Relationships));
        console.MarkupLine(Facet("Parties", results.Parties));
        console.MarkupLine(Facet("Years", results.Years));
    }

    public static SearchRow Row(SearchHit hit) => new(
        hit.Kind.ToString().ToLowerInvariant(),
        hit.EntryId,
        hit.Link,
        Cells.Date(hit.OccurredOn),
        string.Join(" ", hit.Relationships),
        string.Join(" ", hit.Parties),
        hit.Status is { } status ? PledgeDecisions.Describe(status) : "",
        string.Concat(hit.Highlight.Select(p => p.Match ? $"«{p.Text}»" : p.Text)),
        hit.Text,
        hit.Rank.ToString("0.######", CultureInfo.InvariantCulture),
        hit.Retracted);

    private static string Describe(SearchHit hit) => hit.Kind switch
    {
        SearchKind.Statement => $"statement by {hit.Speaker}",
        SearchKind.Commitment => $"{hit.CommitmentKind?.ToString().ToLowerInvariant()} by {string.Join(" ", hit.Parties)} ({(hit.Status is { } s ? PledgeDecisions.Describe(s) : "")})",
        _ => "interaction",
    } + (hit.Retracted ? ", retracted" : "");

    private static string Facet(string name, IReadOnlyList<FacetCount> counts) =>
        $"[bold]{name}:[/] " + (counts.Count == 0 ? "-" : Markup.Escape(string.Join(", ", counts.Select(c => $"{c.Value} {c.Count}"))));
}

[CsvHelper.CsvRecord]
public sealed partial record SearchRow(string Kind, Guid EntryId, string Link, string OccurredOn, string Relationships, string Parties, string Status, string Highlight, string Text, string Rank, bool Retracted);
