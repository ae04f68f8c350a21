using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Interactions;

/// <summary>What a correction of an interaction changes, as typed values (null: left as it was).</summary>
public sealed record InteractionPatch(string? Summary = null, InteractionKind? Kind = null, DateOnly? OccurredOn = null, StatementPatch? Statement = null);

/// <summary>What a correction of one statement changes, as typed values (null: left as it was).</summary>
public sealed record StatementPatch(Guid StatementId, string? Text = null, string? Speaker = null, IReadOnlyList<string>? Topics = null);

/// <summary>
/// The one reader of interaction corrections: a field and its new value as text, as a command gives them and
/// <see cref="InteractionEntryCorrected"/> stores them, become a typed patch. The command's check, the decision, the
/// write-side state and every read model use it, so a stored correction means the same everywhere.
/// </summary>
public static class InteractionCorrections
{
    /// <summary>What is wrong with correcting <paramref name="field"/> to <paramref name="now"/>, on a statement or on
    /// the interaction itself, named "field" or "now". Nothing about the entry's current state.</summary>
    public static IReadOnlyList<FieldError> Check(bool ofStatement, string? field, string? now)
    {
        var name = FieldName(field);
        var text = (now ?? "").Trim();
        var fields = ofStatement ? InteractionFields.OfStatement : InteractionFields.OfInteraction;
        if (!fields.Contains(name))
        {
            return [new FieldError("field", $"'{field}' cannot be corrected on {(ofStatement ? "a statement" : "an interaction")}; use one of {string.Join(", ", fields)}")];
        }

        if (text.Length == 0 && name != InteractionFields.Topics)
        {
            return [new FieldError("now", $"the {name} cannot be empty; retract the entry instead")];
        }

        return name switch
        {
            InteractionFields.Kind when !EnumText.IsName<InteractionKind>(text) =>
                [new FieldError("now", $"'{text}' is not an interaction kind ({string.Join(", ", Enum.GetNames<InteractionKind>())})")],
            InteractionFields.OccurredOn when DateProblem(text) is { } problem => [new FieldError("now", problem)],
            _ => [],
        };
    }

    private static string? DateProblem(string text) =>
        !DateText.TryRead(text, out var date) ? $"'{text}' is not a date (yyyy-MM-dd)"
        : !DateText.IsPlausible(date) ? $"{text} is not a plausible date (1900–2200)"
        : null;

    /// <summary>Field names as events store them: trimmed, lower case.</summary>
    public static string FieldName(string? field) => (field ?? "").Trim().ToLowerInvariant();

    /// <summary>The patch a correction makes; only for a field and value that pass <see cref="Check"/>, as every stored
    /// correction does.</summary>
    public static InteractionPatch Read(Guid? statementId, string field, string now) => statementId is { } id
        ? new InteractionPatch(Statement: field switch
        {
            InteractionFields.Text => new StatementPatch(id, Text: now),
            InteractionFields.Speaker => new StatementPatch(id, Speaker: now),
            InteractionFields.Topics => new StatementPatch(id, Topics: now.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            _ => throw Unreadable(field, now),
        })
        : field switch
        {
            InteractionFields.Summary => new InteractionPatch(Summary: now),
            InteractionFields.Kind => new InteractionPatch(Kind: Enum.Parse<InteractionKind>(now, ignoreCase: true)),
            InteractionFields.OccurredOn => new InteractionPatch(OccurredOn: DateText.TryRead(now, out var date) ? date : throw Unreadable(field, now)),
            _ => throw Unreadable(field, now),
        };

    private static InvalidOperationException Unreadable(string field, string now) =>
        new($"a correction of '{field}' to '{now}' cannot be read: it was never checked");
}

/// <summary>The names of the fields a correction may target, as they appear in events and on the command line.</summary>
public static class InteractionFields
{
    public const string Summary = "summary";
    public const string Kind = "kind";
    public const string OccurredOn = "occurred_on";
    public const string Text = "text";
    public const string Speaker = "speaker";
    public const string Topics = "topics";

    public static readonly IReadOnlyList<string> OfInteraction = [Summary, Kind, OccurredOn];
    public static readonly IReadOnlyList<string> OfStatement = [Text, Speaker, Topics];
}
