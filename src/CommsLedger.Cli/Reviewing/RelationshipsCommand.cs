using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Application.Relationships.Listing;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CsvHelper;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

public sealed class RelationshipsSettings : OutputSettings
{
    [CommandOption("--party <CODE>")]
    [Description("Only the relationships of this party, e.g. CN.")]
    public string? Party { get; init; }

    [CommandOption("--sort <ORDER>")]
    [Description("key (default), last-contact, open-pledges or overdue (most first).")]
    public string? Sort { get; init; }

    [CommandOption("--limit <N>")]
    [Description("Relationships per page (default 50, at most 1000).")]
    [DefaultValue(PageRequest.DefaultLimit)]
    public int Limit { get; init; } = PageRequest.DefaultLimit;

    [CommandOption("--cursor <CURSOR>")]
    [Description("Resume after the page that printed this cursor.")]
    public string? Cursor { get; init; }

    [CommandOption("--all")]
    [Description("Every page from the cursor on, streamed: read and written a page at a time, never the whole ledger at once.")]
    public bool All { get; init; }
}

/// <summary>The relationships with their headline counts: one page, or with --all every page streamed to the output.</summary>
public sealed class RelationshipsCommand(IAnsiConsole console) : AsyncCommand<RelationshipsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RelationshipsSettings settings, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var sort = settings.Sort is null ? RelationshipSort.Key : FileNames.Choice<RelationshipSort>(settings.Sort, "--sort", errors);
        errors.ThrowIfAny();
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        Task<RelationshipPage> Read(string? cursor) =>
            ledger.Mediator.Send(new ListRelationships(Ledger.Today, new PageRequest(settings.Limit, cursor), settings.Party, sort), cancellationToken).AsTask();

        if (settings.All)
        {
            await Stream(Items(Read, settings.Cursor, cancellationToken), settings.Format, cancellationToken);
            return ExitCodes.Ok;
        }

        var page = await Read(settings.Cursor);
        var rows = page.Items.Select(Row).ToArray();
        Output.Write(console, settings.Format, page, (c, p) =>
        {
            c.Write(Cells.Table(rows));
            c.MarkupLineInterpolated($"{p.Items.Count} of {p.Total} relationships.");
        }, _ => rows);
        if (page.Next is { } next && settings.Format != OutputFormat.Json)
        {
            await Console.Error.WriteLineAsync($"More: --cursor {next}");
        }

        return ExitCodes.Ok;
    }

    private async Task Stream(IAsyncEnumerable<RelationshipSummary> items, OutputFormat format, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case OutputFormat.Json:
                await using (var stdout = Console.OpenStandardOutput())
                {
                    await JsonSerializer.SerializeAsync(stdout, items, Output.Json, cancellationToken);
                }

                Console.Out.WriteLine();
                break;
            case OutputFormat.Csv:
                using (var csv = CsvWriter.Create(Console.Out, CsvWriterOptions.Default with { FormatProvider = CultureInfo.InvariantCulture }, true))
                {
                    await csv.WriteRecordsAsync(Rows(items, cancellationToken), cancellationToken);
                    csv.Flush();
                }

                break;
            default:
                var rows = new List<RelationshipRow>();
                await foreach (var row in Rows(items, cancellationToken))
                {
                    rows.Add(row);
                }

                console.Write(Cells.Table(rows));
                console.MarkupLineInterpolated($"{rows.Count} relationships.");
                break;
        }
    }

    private static async IAsyncEnumerable<RelationshipSummary> Items(Func<string?, Task<RelationshipPage>> read, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await read(cursor);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            cursor = page.Next;
        }
        while (cursor is not null);
    }

    private static async IAsyncEnumerable<RelationshipRow> Rows(IAsyncEnumerable<RelationshipSummary> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            yield return Row(item);
        }
    }

    private static readonly string Open = PledgeDecisions.Describe(PledgeStatus.Open);

    private static RelationshipRow Row(RelationshipSummary v) => new(
        v.Key, v.InteractionCount, Cells.Date(v.LastContact), v.Sides.Sum(s => s.Pledges), v.Sides.Sum(s => s.ByStatus.GetValueOrDefault(Open)), v.OpenFollowUps, v.OverdueFollowUps);
}

[CsvHelper.CsvRecord]
public sealed partial record RelationshipRow(string Relationship, int Interactions, string LastContact, int Pledges, int Open, int OpenFollowUps, int Overdue);
