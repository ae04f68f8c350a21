using Weasel.Postgresql.Tables;

namespace CommsLedger.Projections.Search;

/// <summary>
/// The search index: one row per version of an entry's searchable text, current over the recorded interval
/// [known_from, known_until) — the current version's known_until is 'infinity'. "Now" and "as known at T" are then
/// the same query. The tsvector is a generated column over the row's own text-search configuration, so every row is
/// stemmed in its own language and indexed by the partial GIN index of that language.
/// </summary>
public static class SearchEntriesTable
{
    public const string Name = "search_entries";

    /// <summary>The columns a version row is written with (all but the generated document), in this order.</summary>
    public static readonly IReadOnlyList<(string Name, string Type)> Columns =
    [
        ("entry_id", "uuid"),
        ("version", "integer"),
        ("kind", "text"),
        ("interaction_id", "uuid"),
        ("relationships", "text[]"),
        ("parties", "text[]"),
        ("speaker", "text"),
        ("to_party", "text"),
        ("commitment_kind", "text"),
        ("status", "text"),
        ("status_text", "text"),
        ("topics", "text[]"),
        ("topics_text", "text"),
        ("participants", "text"),
        ("occurred_on", "date"),
        ("classification", "integer"),
        ("retracted", "boolean"),
        ("config", "regconfig"),
        ("body", "text"),
        ("known_from", "timestamptz"),
        ("known_until", "timestamptz"),
    ];

    private const string Document =
        "setweight(to_tsvector(config, body), 'A') "
        + "|| setweight(to_tsvector(config, coalesce(speaker, '') || ' ' || topics_text || ' ' || participants), 'B') "
        + "|| setweight(to_tsvector(config, coalesce(status_text, '') || ' ' || coalesce(commitment_kind, '')), 'C')";

    /// <summary>The partial GIN index over the rows of one language. A query matches each language's rows with that
    /// language's tsquery in a branch of its own, so every branch is one scan of one small index and reads only rows
    /// it can match (one index over all rows made each language's tsquery read every language's rows).</summary>
    public static string DocumentIndex(string language) => $"ix_search_entries_document_{language}";

    /// <summary>The columns of <see cref="DocumentIndex"/>: the text, then the parties and relationships a search
    /// filters by. One GIN scan then intersects a frequent word with a party's or a relationship's few entries, reading
    /// only the entries of both (two separate indexes ANDed read every entry of the frequent word, ten times as many);
    /// a search by text alone uses it as it would an index of the text alone.</summary>
    public static readonly IReadOnlyList<string> DocumentIndexColumns = ["document", "parties", "relationships"];

    /// <summary>The rows <see cref="DocumentIndex"/> covers, as a query writes it so the planner can use that index
    /// (the index's own predicate is the same, in the oid comparison form PostgreSQL reads it back in).</summary>
    public static string InLanguage(string language) => $"config = '{language}'::regconfig";

    public static Table Define(string schema)
    {
        var table = new Table(new Weasel.Postgresql.PostgresqlObjectName(schema, Name, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        foreach (var (name, type) in Columns)
        {
            var column = table.AddColumn(name, type);
            if (name is "entry_id" or "version")
            {
                column.AsPrimaryKey();
            }
            else if (name is not ("speaker" or "to_party" or "commitment_kind" or "status" or "status_text" or "occurred_on"))
            {
                column.NotNull();
            }
        }

        table.AddColumn("document", "tsvector").GeneratedAs(Document);
        foreach (var language in SearchLanguage.All)
        {
            table.Indexes.Add(new IndexDefinition(DocumentIndex(language)) { Columns = [.. DocumentIndexColumns], Method = IndexMethod.gin, Predicate = $"(config)::oid = ('{language}'::regconfig)::oid" });
        }

        table.Indexes.Add(new IndexDefinition("ix_search_entries_interaction") { Columns = ["interaction_id"] });

        // The newest matches of a frequent word are read through the recorded time within the word's language (config
        // first, so a branch reads only its own language's rows). Relationships and parties need no index of their own:
        // every search has a text, and they are in the text's index (DocumentIndexColumns).
        table.Indexes.Add(new IndexDefinition("ix_search_entries_recorded") { Columns = ["config", "known_from"] });
        return table;
    }
}
