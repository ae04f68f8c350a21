using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Pledges;

/// <summary>What a correction of a pledge changes, as typed values (null: left as it was). A due date can be
/// cleared, so whether it changes is said apart (<see cref="SetsDue"/>).</summary>
public sealed record PledgePatch(
    string? Text = null, string? Topic = null, CommitmentKind? Kind = null, PledgeStatus? Status = null, bool SetsDue = false, DateOnly? Due = null)
{
    public DateOnly? DueOr(DateOnly? current) => SetsDue ? Due : current;
}

/// <summary>
/// The one reader of pledge corrections: a field and its new value as text, as a command gives them and
/// <see cref="PledgeCorrected"/> stores them, become a typed patch. The command's check, the decision, the write-side
/// state and every read model use it, so a stored correction means the same everywhere.
/// </summary>
public static class PledgeCorrections
{
    /// <summary>What is wrong with correcting <paramref name="field"/> to <paramref name="now"/>, named "field" or
    /// "now". Nothing about the pledge's current state.</summary>
    public static IReadOnlyList<FieldError> Check(string? field, string? now)
    {
        var text = (now ?? "").Trim();
        string? problem = FieldName(field) switch
        {
            PledgeFields.Text => text.Length == 0 ? "the text of a commitment cannot be empty; retract it instead" : null,
            PledgeFields.Topic => null,
            PledgeFields.Kind => NotOne<CommitmentKind>(text),
            PledgeFields.Status when EnumText.IsName<PledgeStatus>(text) && Enum.Parse<PledgeStatus>(text, ignoreCase: true) == PledgeStatus.Retracted =>
                "a pledge is retracted with a retraction (and a reason), not by correcting its status",
            PledgeFields.Status => NotOne<PledgeStatus>(text),
            PledgeFields.Due => text.Length == 0 || (DateText.TryRead(text, out var due) && DateText.IsPlausible(due))
                ? null
                : $"'{text}' is not a plausible date (yyyy-MM-dd, 1900-2200), nor empty to clear it",
            _ => null,
        };
        return !PledgeFields.All.Contains(FieldName(field))
            ? [new FieldError("field", $"'{field}' cannot be corrected on a pledge; use one of {string.Join(", ", PledgeFields.All)}")]
            : problem is null ? [] : [new FieldError("now", problem)];
    }

    /// <summary>Field names as events store them: trimmed, lower case.</summary>
    public static string FieldName(string? field) => (field ?? "").Trim().ToLowerInvariant();

    /// <summary>The patch a correction makes; only for a field and value that pass <see cref="Check"/>, as every stored
    /// correction does.</summary>
    public static PledgePatch Read(string field, string now) => field switch
    {
        PledgeFields.Text => new PledgePatch(Text: now),
        PledgeFields.Topic => new PledgePatch(Topic: now),
        PledgeFields.Kind => new PledgePatch(Kind: Enum.Parse<CommitmentKind>(now, ignoreCase: true)),
        PledgeFields.Status => new PledgePatch(Status: Enum.Parse<PledgeStatus>(now, ignoreCase: true)),
        PledgeFields.Due when now.Length == 0 => new PledgePatch(SetsDue: true),
        PledgeFields.Due when DateText.TryRead(now, out var due) => new PledgePatch(SetsDue: true, Due: due),
        _ => throw new InvalidOperationException($"a correction of '{field}' to '{now}' cannot be read: it was never checked"),
    };

    private static string? NotOne<TEnum>(string text)
        where TEnum : struct, Enum =>
        EnumText.IsName<TEnum>(text) ? null : $"'{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}";
}

/// <summary>The fields of a pledge that a correction may target.</summary>
public static class PledgeFields
{
    public const string Text = "text";
    public const string Topic = "topic";
    public const string Kind = "kind";
    public const string Due = "due";
    public const string Status = "status";

    public static readonly IReadOnlyList<string> All = [Text, Topic, Kind, Due, Status];
}
