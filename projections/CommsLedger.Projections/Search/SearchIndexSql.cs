using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using JasperFx.Events;

namespace CommsLedger.Projections.Search;

/// <summary>One SQL statement with its positional parameters (<c>?</c>), as Marten's QueueSqlCommand takes it.</summary>
public sealed record SearchSql(string Sql, object[] Parameters);

/// <summary>
/// What each event does to the search index, as SQL against <c>table</c>: a new entry inserts its first version; a
/// change closes the current version at the event's recorded time and inserts the next one, copying what did not
/// change. The live projection and the replay check run exactly these statements (against the index and against
/// a scratch copy), so they cannot disagree about what an event means.
/// </summary>
public static class SearchIndexSql
{
    public const string Statement = "statement";
    public const string Commitment = "commitment";
    public const string Interaction = "interaction";

    public static IEnumerable<SearchSql> For(IEvent e, string table)
    {
        var at = e.RecordedAt().ToUniversalTime();
        return e.Data switch
        {
            InteractionLogged x => [Insert(table, at, InteractionRow(x))],
            StatementRecorded x => [Insert(table, at, StatementRow(x), occurredFrom: x.InteractionId)],
            PledgeMade x => [Insert(table, at, CommitmentRow(x))],
            InteractionEntryCorrected x => Corrected(table, at, x),
            StatementRetracted x => [Supersede(table, at, Entry(x.StatementId), Retracted)],
            InteractionRetracted x => [Supersede(table, at, OwnEntries(x.InteractionId), Retracted)],
            IPledgeOutcome x => [Supersede(table, at, Entry(x.PledgeId), Status(x.Status))],
            PledgeRetracted x => [Supersede(table, at, Entry(x.PledgeId), new(Status(PledgeStatus.Retracted)) { ["retracted"] = true })],
            PledgeCorrected x => Corrected(table, at, x),
            _ => [],
        };
    }

    private static Dictionary<string, object?> InteractionRow(InteractionLogged x) => new()
    {
        ["entry_id"] = x.InteractionId,
        ["kind"] = Interaction,
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
        ["kind"] = Statement,
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
        ["kind"] = Commitment,
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

    private static IEnumerable<SearchSql> Corrected(string table, DateTimeOffset at, InteractionEntryCorrected x)
    {
        var patch = x.Patch();
        if (patch.Statement is { } statement)
        {
            var change = statement.Text is { } text ? Text(text)
                : statement.Speaker is { } speaker ? new() { ["speaker"] = speaker }
                : statement.Topics is { } topics ? Topics([.. topics])
                : null;
            return change is null ? [] : [Supersede(table, at, Entry(statement.StatementId), change)];
        }

        return patch.Summary is { } summary ? [Supersede(table, at, Entry(x.InteractionId), Text(summary))]
            : patch.OccurredOn is { } date ? [Supersede(table, at, OwnEntries(x.InteractionId), new() { ["occurred_on"] = date })]
            : [];
    }

    private static IEnumerable<SearchSql> Corrected(string table, DateTimeOffset at, PledgeCorrected x)
    {
        var patch = x.Patch();
        var change = patch.Text is { } text ? Text(text)
            : patch.Topic is { } topic ? Topics([topic])
            : patch.Kind is { } kind ? new() { ["commitment_kind"] = kind.ToString() }
            : patch.Status is { } status ? Status(status)
            : null;
        return change is null ? [] : [Supersede(table, at, Entry(x.PledgeId), change)];
    }

    private static Dictionary<string, object?> Text(string text) => new() { ["body"] = text, ["config"] = SearchLanguage.Of(text) };

    private static Dictionary<string, object?> Topics(string[] topics) => new() { ["topics"] = topics, ["topics_text"] = string.Join(", ", topics) };

    private static Dictionary<string, object?> Status(PledgeStatus status) => new() { ["status"] = status.ToString(), ["status_text"] = PledgeDecisions.Describe(status) };

    private static Dictionary<string, object?> Retracted => new() { ["retracted"] = true };

    private static (string Where, object[] Parameters) Entry(Guid id) => ("entry_id = ?", [id]);

    /// <summary>The interaction's own row and its statements' (commitments live in their pledge streams).</summary>
    private static (string Where, object[] Parameters) OwnEntries(Guid interactionId) => ("interaction_id = ? and kind <> 'commitment'", [interactionId]);

    private static SearchSql Insert(string table, DateTimeOffset at, Dictionary<string, object?> row, Guid? occurredFrom = null)
    {
        row["version"] = 1;
        row["retracted"] = false;
        row["known_from"] = at;
        var values = new List<string>();
        var parameters = new List<object>();
        foreach (var (name, type) in SearchEntriesTable.Columns)
        {
            if (name == "occurred_on" && occurredFrom is { } interactionId)
            {
                // A statement occurred when its interaction did; the interaction's current row knows that date.
                values.Add($"(select i.occurred_on from {table} i where i.entry_id = ? and i.known_until = 'infinity')");
                parameters.Add(interactionId);
                continue;
            }

            if (name == "known_until")
            {
                values.Add("'infinity'::timestamptz");
                continue;
            }

            values.Add($"?::{type}");
            parameters.Add(row.GetValueOrDefault(name) ?? DBNull.Value);
        }

        var columns = string.Join(", ", SearchEntriesTable.Columns.Select(c => c.Name));
        return new SearchSql($"insert into {table} ({columns}) values ({string.Join(", ", values)})", [.. parameters]);
    }

    private static SearchSql Supersede(string table, DateTimeOffset at, (string Where, object[] Parameters) which, Dictionary<string, object?> change)
    {
        var select = new List<string>();
        var parameters = new List<object> { at };
        parameters.AddRange(which.Parameters);
        foreach (var (name, type) in SearchEntriesTable.Columns)
        {
            switch (name)
            {
                case "version": select.Add("version + 1"); break;
                case "known_from": select.Add("?::timestamptz"); parameters.Add(at); break;
                case "known_until": select.Add("'infinity'::timestamptz"); break;
                default:
                    if (change.TryGetValue(name, out var value))
                    {
                        select.Add($"?::{type}");
                        parameters.Add(value ?? DBNull.Value);
                    }
                    else
                    {
                        select.Add(name);
                    }

                    break;
            }
        }

        var columns = string.Join(", ", SearchEntriesTable.Columns.Select(c => c.Name));
        return new SearchSql(
            $"with closed as (update {table} set known_until = ? where {which.Where} and known_until = 'infinity' returning *) "
            + $"insert into {table} ({columns}) select {string.Join(", ", select)} from closed",
            [.. parameters]);
    }
}
