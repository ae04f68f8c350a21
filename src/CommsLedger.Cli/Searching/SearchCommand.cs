using System.ComponentModel;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Application.Search.Searching;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Cli.Reviewing;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Searching;

public sealed class SearchSettings : OutputSettings
{
    [CommandArgument(0, "<QUERY>")]
    [Description("Words to find, web-style: \"a phrase\", or, -excluded.")]
    public string Query { get; init; } = "";

    [CommandOption("--relationship <KEY>")]
    [Description("Only entries counting towards this pair, e.g. CN-PE.")]
    public string? Relationship { get; init; }

    [CommandOption("--by <PARTY>")]
    [Description("Only entries by this party: the speaker's country, the party that committed, or a participant's country.")]
    public string? By { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("statement, commitment or interaction.")]
    public string? Kind { get; init; }

    [CommandOption("--commitment-kind <KIND>")]
    [Description("pledge, intent, offer, request or agreement.")]
    public string? CommitmentKind { get; init; }

    [CommandOption("--status <STATUS>")]
    [Description("A commitment's status: open, fulfilled, partiallyfulfilled, broken, withdrawn, lapsed or retracted.")]
    public string? Status { get; init; }

    [CommandOption("--topic <TOPIC>")]
    [Description("Only entries with this topic (any case), e.g. \"COVID-19 vaccine\".")]
    public string? Topic { get; init; }

    [CommandOption("--from <DATE>")]
    [Description("Only entries that occurred on or after this date, e.g. 2020-01-01.")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Only entries that occurred on or before this date.")]
    public string? To { get; init; }

    [CommandOption("--as-known-at <INSTANT>")]
    [Description("Search the ledger as it was known then: ISO-8601, e.g. 2020-12-31T00:00Z (a bare date means the end of that day, UTC).")]
    public string? AsKnownAt { get; init; }

    [CommandOption("--include-retracted")]
    [Description("Also find entries that were retracted (recorded in error).")]
    public bool IncludeRetracted { get; init; }

    [CommandOption("--page <N>")]
    [DefaultValue(1)]
    public int Page { get; init; } = 1;

    [CommandOption("--page-size <N>")]
    [Description("Hits per page, 1 to 100 (default 20).")]
    [DefaultValue(20)]
    public int PageSize { get; init; } = 20;
}

/// <summary>Full-text search over everything said and promised, with facets per relationship, party and year.</summary>
public sealed class SearchCommand(IAnsiConsole console) : AsyncCommand<SearchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SearchSettings settings, CancellationToken cancellationToken)
    {
        var query = ToQuery(settings);
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var results = await ledger.Mediator.Send(query, cancellationToken);
        Output.Write(console, settings.Format, results, SearchTable.Write, r => r.Hits.Select(SearchTable.Row));
        return ExitCodes.Ok;
    }

    private static SearchLedger ToQuery(SearchSettings settings)
    {
        var errors = new FieldErrors();
        var relationship = settings.Relationship is { } key ? Checked(RelationshipKey.Parse(key, out var problem), "--relationship", problem, errors) : null;
        var by = settings.By is { } party ? Checked(PartyCode.Normalise(party, out var byProblem), "--by", byProblem, errors) : null;
        var kind = Parsed<SearchKind>(settings.Kind, "--kind", errors);
        var commitmentKind = Parsed<CommitmentKind>(settings.CommitmentKind, "--commitment-kind", errors);
        var status = Parsed<PledgeStatus>(settings.Status, "--status", errors);
        var from = Date(settings.From, "--from", errors);
        var to = Date(settings.To, "--to", errors);
        var knownAt = new TimeTravelSettings { AsKnownAt = settings.AsKnownAt }.ToAsOf().KnownAt;
        errors.ThrowIfAny();
        return new SearchLedger(settings.Query, relationship, by, kind, commitmentKind, status, settings.Topic, from, to, knownAt, settings.IncludeRetracted, settings.Page, settings.PageSize);
    }

    private static string? Checked(string? value, string option, string? problem, FieldErrors errors)
    {
        if (value is null)
        {
            errors.Add(option, problem ?? "is not valid");
        }

        return value;
    }

    private static TEnum? Parsed<TEnum>(string? raw, string option, FieldErrors errors)
        where TEnum : struct, Enum =>
        raw is null ? null : FileNames.Choice<TEnum>(raw, option, errors);

    private static DateOnly? Date(string? raw, string option, FieldErrors errors) =>
        raw is null ? null : FileNames.Date(raw, option, errors);
}
