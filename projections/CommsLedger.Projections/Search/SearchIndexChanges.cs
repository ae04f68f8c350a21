using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using JasperFx.Events;

namespace CommsLedger.Projections.Search;

/// <summary>A change one event makes to the search index, recorded at <see cref="At"/>.</summary>
public abstract record SearchIndexChange(DateTimeOffset At);

/// <summary>A new entry's first version, its columns by name; a statement's <c>occurred_on</c> is that of the current
/// row of <see cref="OccurredFrom"/>, its interaction.</summary>
public sealed record NewSearchEntry(DateTimeOffset At, IReadOnlyDictionary<string, object?> Row, Guid? OccurredFrom) : SearchIndexChange(At);

/// <summary>The current version of each entry <see cref="Which"/> names is closed at <see cref="SearchIndexChange.At"/>
/// and followed by the next one: the same columns but those in <see cref="Change"/>.</summary>
public sealed record NextSearchVersion(DateTimeOffset At, SearchEntries Which, IReadOnlyDictionary<string, object?> Change) : SearchIndexChange(At);

/// <summary>One entry by id, or (<see cref="OwnEntriesOf"/>) an interaction's own row and its statements' (commitments
/// live in their pledge streams).</summary>
public sealed record SearchEntries(Guid Id, bool OwnEntriesOf)
{
    public static SearchEntries Entry(Guid id) => new(id, false);

    public static SearchEntries OwnEntries(Guid interactionId) => new(interactionId, true);
}

/// <summary>
/// What each event does to the search index: a new entry inserts its first version; a change closes the current version
/// at the event's recorded time and inserts the next one, copying what did not change. Said once, here: the live
/// projection and the replay check run these as SQL (<see cref="SearchIndexSql"/>), a rebuild folds them in memory
/// (<see cref="SearchIndexRows"/>), so they cannot disagree about what an event means.
/// </summary>
public static class SearchIndexChanges
{
    public static IEnumerable<SearchIndexChange> For(IEvent e)
    {
        var at = e.RecordedAt().ToUniversalTime();
        return e.Data switch
        {
            InteractionLogged x => [new NewSearchEntry(at, InteractionRow(x), null)],
            StatementRecorded x => [new NewSearchEntry(at, StatementRow(x), x.InteractionId)],
            PledgeMade x => [new NewSearchEntry(at, CommitmentRow(x), null)],
            InteractionEntryCorrected x => Corrected(at, x),
            StatementRetracted x => [new NextSearchVersion(at, SearchEntries.Entry(x.StatementId), Retracted)],
            InteractionRetracted x => [new NextSearchVersion(at, SearchEntries.OwnEntries(x.InteractionId), Retracted)],
            IPledgeOutcome x => [new NextSearchVersion(at, SearchEntries.Entry(x.PledgeId), Status(x.Status))],
            PledgeRetracted x => [new NextSearchVersion(at, SearchEntries.Entry(x.PledgeId), new Dictionary<string, object?>(Status(PledgeStatus.Retracted)) { ["retracted"] = true })],
            PledgeCorrected x => Corrected(at, x),
            _ => [],
        };
    }

    private static Dictionary<string, object?> InteractionRow(InteractionLogged x) => new()
    {
        ["entry_id"] = x.InteractionId,
        ["kind"] = SearchIndexSql.Interaction,
        ["interaction_id"] = x.InteractionId,
        ["relationships"] = x.Relationships.ToArray(),
        ["parties"] = x.Parties.ToArray(),
        ["topics"] = Array.Empty<string>(),
        ["topics_text"] = "",
        ["participants"] = string.Join("; ", x.Participants.Select(p => p.Title.Length == 0 ? p.Name : $"{p.Name}, {p.Title}")),
        ["occurred_on"] = x.Occurred.Date,
        ["classification"] = (int)x.Classification,
        ["config"] = SearchLanguage.Of(x.Summary),
        ["body"] = x.Summary,
    };

    private static Dictionary<string, object?> StatementRow(StatementRecorded x) => new()
    {
        ["entry_id"] = x.StatementId,
        ["kind"] = SearchIndexSql.Statement,
        ["interaction_id"] = x.InteractionId,
        ["relationships"] = x.Relationships.ToArray(),
        ["parties"] = new[] { x.Country },
        ["speaker"] = x.Speaker,
        ["topics"] = x.Topics.ToArray(),
        ["topics_text"] = string.Join(", ", x.Topics),
        ["participants"] = "",
        ["classification"] = (int)x.Classification,
        ["config"] = SearchLanguage.Of(x.Text),
        ["body"] = x.Text,
    };

    private static Dictionary<string, object?> CommitmentRow(PledgeMade x) => new()
    {
        ["entry_id"] = x.PledgeId,
        ["kind"] = SearchIndexSql.Commitment,
        ["interaction_id"] = x.InteractionId,
        ["relationships"] = x.Relationships.ToArray(),
        ["parties"] = new[] { x.By },
        ["to_party"] = x.To,
        ["commitment_kind"] = x.Kind.ToString(),
        ["status"] = PledgeStatus.Open.ToString(),
        ["status_text"] = PledgeDecisions.Describe(PledgeStatus.Open),
        ["topics"] = new[] { x.Topic },
        ["topics_text"] = x.Topic,
        ["participants"] = "",
        ["occurred_on"] = x.MadeOn,
        ["classification"] = (int)x.Classification,
        ["config"] = SearchLanguage.Of(x.Text),
        ["body"] = x.Text,
    };

    private static IEnumerable<SearchIndexChange> Corrected(DateTimeOffset at, InteractionEntryCorrected x)
    {
        var patch = x.Patch();
        if (patch.Statement is { } statement)
        {
            var change = statement.Text is { } text ? Text(text)
                : statement.Speaker is { } speaker ? new() { ["speaker"] = speaker }
                : statement.Topics is { } topics ? Topics([.. topics])
                : null;
            return change is null ? [] : [new NextSearchVersion(at, SearchEntries.Entry(statement.StatementId), change)];
        }

        return patch.Summary is { } summary ? [new NextSearchVersion(at, SearchEntries.Entry(x.InteractionId), Text(summary))]
            : patch.OccurredOn is { } date ? [new NextSearchVersion(at, SearchEntries.OwnEntries(x.InteractionId), new Dictionary<string, object?> { ["occurred_on"] = date })]
            : [];
    }

    private static IEnumerable<SearchIndexChange> Corrected(DateTimeOffset at, PledgeCorrected x)
    {
        var patch = x.Patch();
        var change = patch.Text is { } text ? Text(text)
            : patch.Topic is { } topic ? Topics([topic])
            : patch.Kind is { } kind ? new() { ["commitment_kind"] = kind.ToString() }
            : patch.Status is { } status ? Status(status)
            : null;
        return change is null ? [] : [new NextSearchVersion(at, SearchEntries.Entry(x.PledgeId), change)];
    }

    private static Dictionary<string, object?> Text(string text) => new() { ["body"] = text, ["config"] = SearchLanguage.Of(text) };

    private static Dictionary<string, object?> Topics(string[] topics) => new() { ["topics"] = topics, ["topics_text"] = string.Join(", ", topics) };

    private static Dictionary<string, object?> Status(PledgeStatus status) => new() { ["status"] = status.ToString(), ["status_text"] = PledgeDecisions.Describe(status) };

    private static Dictionary<string, object?> Retracted => new() { ["retracted"] = true };
}
