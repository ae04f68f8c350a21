using System.ComponentModel;
using CommsLedger.Application.FollowUps.Listing;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Recording;

public sealed class LogSettings : OutputSettings
{
    [CommandOption("-f|--file <PATH>")]
    [Description("A JSON file with the whole interaction (participants, statements, commitments, follow-ups); --file=- reads stdin (write it with '=': Spectre reads a lone '-' as an option). See Recording/examples/seed-call.json.")]
    public string? File { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("phone-call, video-call, meeting, visit, letter or joint-statement.")]
    public string? Kind { get; init; }

    [CommandOption("--on <DATE>")]
    [Description("The date it occurred (yyyy-MM-dd).")]
    public string? On { get; init; }

    [CommandOption("--time <HH:MM>")]
    [Description("The time it occurred, if known.")]
    public string? Time { get; init; }

    [CommandOption("--time-zone <ZONE>")]
    [Description("The time zone of --time (e.g. Asia/Shanghai).")]
    public string? TimeZone { get; init; }

    [CommandOption("--participant <NAME|TITLE|COUNTRY>")]
    [Description("A participant, e.g. \"Wang Yi|State Councilor and Foreign Minister|CN\"; repeat for each.")]
    public string[] Participants { get; init; } = [];

    [CommandOption("--summary <TEXT>")]
    [Description("What it was about.")]
    public string? Summary { get; init; }

    [CommandOption("--source-id <ID>")]
    [Description("A stable id of the source (e.g. readout:china-peru-call-2020-11-05): logging the same source twice is refused.")]
    public string? SourceId { get; init; }

    [CommandOption("--source-url <URL>")]
    [Description("Where the source is.")]
    public string? SourceUrl { get; init; }

    [CommandOption("--source-sha256 <HASH>")]
    [Description("SHA-256 of the source text.")]
    public string? SourceSha256 { get; init; }

    [CommandOption("--classification <MARKING>")]
    [Description("UNCLASSIFIED (default), CONFIDENTIAL, SECRET or TOP SECRET.")]
    public string? Classification { get; init; }

    [CommandOption("--cameo <CODE>")]
    [Description("CAMEO event code (041 discuss by telephone, 042 visit…); repeat for several.")]
    public string[] CameoCodes { get; init; } = [];

    internal bool HasFlags => Kind is not null || On is not null || Time is not null || TimeZone is not null || Participants.Length > 0
        || Summary is not null || SourceId is not null || SourceUrl is not null || SourceSha256 is not null || Classification is not null || CameoCodes.Length > 0;

    public override ValidationResult Validate() => File is not null && HasFlags
        ? ValidationResult.Error("give either --file or the interaction's flags, not both")
        : ValidationResult.Success();
}

/// <summary>What <c>log</c> prints: every id the interaction created, the version to pass next time, and (JSON) the
/// ledger position after the write, to read it back on any node (the API's <c>?after=</c>).</summary>
public sealed record LogResult(
    Guid InteractionId,
    long Version,
    IReadOnlyList<LoggedEntry> Entries,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Position = null);

public sealed record LoggedEntry(string Entry, Guid Id, string What);

/// <summary><c>log</c>: one interaction with everything said and promised in it, in one transaction.</summary>
public sealed class LogCommand(IAnsiConsole console) : AsyncCommand<LogSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LogSettings settings, CancellationToken cancellationToken)
    {
        var draft = settings.File is { } path ? InteractionJson.Parse(await ReadAsync(path, cancellationToken)) : LogFlags.Draft(settings);
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var record = await ledger.Mediator.Send(new LogInteraction(draft), cancellationToken);
        var reaffirmed = draft.Commitments.Select(c => c.Reaffirms).OfType<Guid>().ToHashSet();
        var result = new LogResult(record.Id, record.Version, [.. Entries(record, reaffirmed), .. await FollowUps(ledger, record, reaffirmed, cancellationToken)],
            settings.Format == OutputFormat.Json ? await ledger.PositionAsync(cancellationToken) : null);
        Output.Write(console, settings.Format, result, Table, r => r.Entries);
        return ExitCodes.Ok;
    }

    private static async Task<string> ReadAsync(string path, CancellationToken cancellationToken) =>
        path == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await System.IO.File.ReadAllTextAsync(path, cancellationToken);

    /// <summary>The entries the interaction created; a commitment that reaffirms a pledge names that pledge.</summary>
    private static IEnumerable<LoggedEntry> Entries(InteractionRecord record, IReadOnlySet<Guid> reaffirmed) =>
        record.Statements.Select(s => new LoggedEntry("statement", s.StatementId, $"{s.Speaker} ({s.Country}): {s.Text}"))
            .Concat(record.Commitments.Select(c => new LoggedEntry(reaffirmed.Contains(c.PledgeId) ? "reaffirms" : "pledge", c.PledgeId, $"{c.By} → {c.To ?? "all"}: {c.Text}")));

    /// <summary>The follow-ups the interaction scheduled (on itself or on its new pledges), from the follow-up queue.</summary>
    private static async Task<IEnumerable<LoggedEntry>> FollowUps(Ledger ledger, InteractionRecord record, IReadOnlySet<Guid> reaffirmed, CancellationToken cancellationToken)
    {
        var subjects = record.Commitments.Select(c => c.PledgeId).Where(id => !reaffirmed.Contains(id)).Append(record.Id).ToHashSet();
        var found = new List<LoggedEntry>();
        foreach (var relationship in record.Relationships)
        {
            var open = await ledger.Mediator.Send(new ListFollowUps(null, false, relationship, Ledger.Today), cancellationToken);
            found.AddRange(open.Where(f => subjects.Contains(f.SubjectId))
                .Select(f => new LoggedEntry("follow-up", f.Id,
                    $"{f.Action} — {f.Owner}, due {f.Due:yyyy-MM-dd}{(f.PledgeId is { } pledge ? $" (on pledge {pledge})" : "")}")));
        }

        return found.DistinctBy(f => f.Id);
    }

    private static void Table(IAnsiConsole console, LogResult result)
    {
        console.MarkupLineInterpolated($"Logged interaction [bold]{result.InteractionId}[/] at version [bold]{result.Version}[/] (pass it as --expected-version).");
        var table = new Table().AddColumns("entry", "id", "what");
        foreach (var entry in result.Entries)
        {
            table.AddRow(new Text(entry.Entry), new Text(entry.Id.ToString()), new Text(entry.What));
        }

        console.Write(table);
    }
}

/// <summary>The flags form of <c>log</c>, read through the same file format so values are checked the same way.</summary>
internal static class LogFlags
{
    private static readonly Dictionary<string, string> _flagOf = new(StringComparer.Ordinal)
    {
        ["occurredOn"] = "on",
        ["occurredTime"] = "time",
        ["timeZone"] = "time-zone",
        ["source.sourceId"] = "source-id",
    };

    public static InteractionDraft Draft(LogSettings settings)
    {
        var errors = new FieldErrors();
        var participants = settings.Participants.Select((p, i) => Participant(p, i, errors)).ToArray();
        var source = settings.SourceId is null && settings.SourceUrl is null && settings.SourceSha256 is null
            ? null
            : new SourceFile(settings.SourceId, settings.SourceUrl, settings.SourceSha256);
        var file = new InteractionFile(settings.Kind, settings.On, settings.Time, settings.TimeZone, participants, settings.Summary, source,
            settings.Classification, settings.CameoCodes, [], [], []);
        var (draft, all) = file.Checked(errors);
        return draft ?? throw new CommandRejected([.. all.Select(e => _flagOf.TryGetValue(e.Field, out var flag) ? e with { Field = flag } : e)]);
    }

    private static ParticipantFile Participant(string text, int index, FieldErrors errors)
    {
        var parts = text.Split('|', StringSplitOptions.TrimEntries);
        switch (parts.Length)
        {
            case 3: return new ParticipantFile(parts[0], parts[1], parts[2]);
            case 2: return new ParticipantFile(parts[0], "", parts[1]);
            default:
                errors.Add($"participants[{index}]", $"'{text}' is not NAME|TITLE|COUNTRY");
                return new ParticipantFile(null, null, null);
        }
    }
}
