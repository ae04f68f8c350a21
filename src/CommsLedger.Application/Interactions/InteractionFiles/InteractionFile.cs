using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Application.Wire;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Interactions.InteractionFiles;

/// <summary>
/// The JSON file format of one interaction, as `log --file` reads it and `import` reads it per line (camelCase).
/// Every value is text or a list, so a wrong value (a bad date, an unknown kind) is reported against its JSON path
/// rather than as a serializer failure. Read with <see cref="InteractionJson.Parse"/>; written with
/// <see cref="InteractionJson.Write"/>.
/// </summary>
public sealed record InteractionFile(
    [property: Required, WireEnum(typeof(InteractionKind))] string? Kind,
    [property: Required, DataType(DataType.Date)] string? OccurredOn,
    [property: DataType(DataType.Time)] string? OccurredTime,
    [property: MaxLength(64)] string? TimeZone,
    [property: Required, MinLength(2)] IReadOnlyList<ParticipantFile> Participants,
    [property: Required, MaxLength(8000)] string? Summary,
    SourceFile? Source,
    [property: WireEnum(typeof(Classification))] string? Classification,
    IReadOnlyList<string> CameoCodes,
    IReadOnlyList<StatementFile> Statements,
    IReadOnlyList<CommitmentFile> Commitments,
    IReadOnlyList<FollowUpFile> FollowUps)
{
    public static InteractionFile From(InteractionDraft draft) => new(
        FileNames.Kebab(draft.Kind),
        FileNames.Date(draft.Occurred.Date),
        draft.Occurred.Time?.ToString("HH:mm", CultureInfo.InvariantCulture),
        draft.Occurred.TimeZone,
        [.. draft.Participants.Select(p => new ParticipantFile(p.Name, p.Title, p.Country))],
        draft.Summary,
        draft.Source is { } s ? new SourceFile(s.SourceId, s.Url, s.TextSha256) : null,
        WireNames.Of(draft.Classification),
        draft.CameoCodes,
        [.. draft.Statements.Select(s => new StatementFile(s.Speaker, s.Country, s.Text, s.Topics, s.Classification is { } sc ? WireNames.Of(sc) : null))],
        [.. draft.Commitments.Select(c => new CommitmentFile(c.By, c.To, FileNames.Kebab(c.Kind), c.Text, c.Topic,
            c.Due is { } due ? FileNames.Date(due) : null, [.. c.FollowUps.Select(FollowUpFile.From)], c.CameoCodes, c.Classification is { } cc ? WireNames.Of(cc) : null,
            c.Reaffirms?.ToString()))],
        [.. draft.FollowUps.Select(FollowUpFile.From)]);

    /// <summary>The draft this file describes, or every problem with it: <paramref name="errors"/> already found
    /// (shape), unreadable values, then the draft's own checks on what is left, all named by JSON path. A file that
    /// reads whole is not checked here unless <paramref name="checkDraft"/>: the command it becomes checks it.</summary>
    public (InteractionDraft? Draft, IReadOnlyList<FieldError> Errors) Checked(FieldErrors errors, bool checkDraft = false)
    {
        var draft = ToDraft(errors);
        if (errors.All.Count == 0 && !checkDraft)
        {
            return (draft, []);
        }

        var reported = errors.All.Select(e => e.Field).ToArray();
        var checks = draft.Check()
            .Where(e => !reported.Any(field => Covers(field, e.Field)));
        IReadOnlyList<FieldError> all = [.. errors.All, .. checks];
        return (all.Count == 0 ? draft : null, all);
    }

    /// <summary>The draft this file describes; every value that cannot be read is added to <paramref name="errors"/>
    /// under its JSON path, and a default stands in for it.</summary>
    private InteractionDraft ToDraft(FieldErrors errors) => new(
        FileNames.Choice<InteractionKind>(Kind, "kind", errors),
        new OccurredAt(
            FileNames.RequiredDate(OccurredOn, "occurredOn", errors),
            OccurredTime is null ? null : FileNames.Time(OccurredTime, "occurredTime", errors),
            string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim()),
        [.. Participants.Select(p => new Participant(p.Name ?? "", p.Title ?? "", p.Country ?? ""))],
        Summary ?? "",
        Source is { } s ? new SourceReference(s.SourceId ?? "", s.Url, s.TextSha256) : null,
        Classification is null ? Domain.Shared.Classification.Unclassified : FileNames.Marking(Classification, "classification", errors),
        CameoCodes,
        [.. Statements.Select((s, i) => s.ToDraft($"statements[{i}].", errors))],
        [.. Commitments.Select((c, i) => c.ToDraft($"commitments[{i}].", errors))],
        [.. FollowUps.Select((f, i) => f.ToDraft($"followUps[{i}].", errors))]);

    /// <summary>A field reported as unreadable also covers the checks of the default standing in for it.</summary>
    private static bool Covers(string reported, string field) =>
        field == reported
        || field.StartsWith(reported + ".", StringComparison.Ordinal)
        || field.StartsWith(reported + "[", StringComparison.Ordinal);
}

public sealed record ParticipantFile([property: Required, MaxLength(200)] string? Name, [property: MaxLength(300)] string? Title, [property: Required] string? Country);

public sealed record SourceFile(
    [property: Required, MaxLength(500)] string? SourceId, [property: MaxLength(2048)] string? Url, [property: RegularExpression("^[0-9a-fA-F]{64}$")] string? TextSha256);

public sealed record StatementFile(
    [property: Required, MaxLength(200)] string? Speaker,
    [property: Required] string? Country,
    [property: Required, MaxLength(8000)] string? Text,
    [property: MaxLength(50)] IReadOnlyList<string> Topics,
    [property: WireEnum(typeof(Classification))] string? Classification)
{
    public StatementDraft ToDraft(string path, FieldErrors errors) => new(
        Speaker ?? "", Country ?? "", Text ?? "", Topics,
        Classification is null ? null : FileNames.Marking(Classification, path + "classification", errors));
}

public sealed record CommitmentFile(
    [property: Required] string? By,
    string? To,
    [property: Required, WireEnum(typeof(CommitmentKind))] string? Kind,
    [property: Required, MaxLength(4000)] string? Text,
    [property: MaxLength(200)] string? Topic,
    [property: DataType(DataType.Date)] string? Due,
    IReadOnlyList<FollowUpFile> FollowUps,
    IReadOnlyList<string> CameoCodes,
    [property: WireEnum(typeof(Classification))] string? Classification,
    [property: Description("The id of a pledge already recorded that this commitment restates")] string? Reaffirms = null)
{
    public CommitmentDraft ToDraft(string path, FieldErrors errors) => new(
        By ?? "",
        string.IsNullOrWhiteSpace(To) ? null : To,
        FileNames.Choice<CommitmentKind>(Kind, path + "kind", errors),
        Text ?? "",
        Topic ?? "",
        Due is null ? null : FileNames.Date(Due, path + "due", errors),
        [.. FollowUps.Select((f, i) => f.ToDraft($"{path}followUps[{i}].", errors))],
        CameoCodes,
        Classification is null ? null : FileNames.Marking(Classification, path + "classification", errors),
        FileNames.Id(Reaffirms, path + "reaffirms", errors));
}

public sealed record FollowUpFile([property: Required, MaxLength(1000)] string? Action, [property: Required, MaxLength(200)] string? Owner, [property: Required, DataType(DataType.Date)] string? Due)
{
    public static FollowUpFile From(FollowUpDraft draft) => new(draft.Action, draft.Owner, FileNames.Date(draft.Due));

    public FollowUpDraft ToDraft(string path, FieldErrors errors) =>
        new(Action ?? "", Owner ?? "", FileNames.RequiredDate(Due, path + "due", errors));
}
