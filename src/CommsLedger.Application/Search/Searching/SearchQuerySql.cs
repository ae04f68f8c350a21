using CommsLedger.Application.Storage;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Search;
using Npgsql;

namespace CommsLedger.Application.Search.Searching;

/// <summary>
/// The search as one statement, written for the filters the query has (a filter left out is not in the SQL, so the
/// planner sees what it can use: the text index with the relationship and party in it, the recorded-time index).
/// <para>
/// A search reads at most <see cref="SearchLedger.MatchesRead"/> matches: the most recently recorded ones. Counting, faceting and
/// ranking every match of a word found in a tenth of a million entries reads a tenth of the table (about a second);
/// reading the newest matches through the recorded-time index stops once enough are found. When more match, the
/// results say so (<see cref="SearchResults.MoreMatch"/>): the total is "more than", and the facets and ranking cover
/// the newest matches. Up to that bound everything is exact.
/// </para>
/// </summary>
internal static class SearchQuerySql
{
    private const char MatchStart = '\u0002';
    private const char MatchEnd = '\u0003';
    private const int FacetValuesKept = 20;
    private const int WindowRows = 2 * SearchLedger.MatchesRead;
    private const string Table = $"{LedgerStore.Schema}.{SearchEntriesTable.Name}";

    public static (string Sql, NpgsqlParameter[] Parameters) Build(SearchLedger query, Classification clearance, DateTimeOffset now)
    {
        var parameters = new List<NpgsqlParameter>
        {
            new("text", query.Text),
            new("clearance", (int)clearance),
            new("known_at", (query.KnownAt ?? now).ToUniversalTime()),
            new("read", SearchLedger.MatchesRead + 1),
            new("cap", SearchLedger.MatchesRead),
            new("limit", query.PageSize),
            new("offset", (query.Page - 1) * query.PageSize),
        };
        var filters = new List<string> { "e.classification <= @clearance", "e.known_from <= @known_at", "e.known_until > @known_at" };
        if (!query.IncludeRetracted)
        {
            filters.Add("not e.retracted");
        }

        void Filter(string name, object? value, string sql)
        {
            if (value is not null)
            {
                parameters.Add(new NpgsqlParameter(name, value));
                filters.Add(sql);
            }
        }

        Filter("relationship", query.Relationship, "e.relationships @> array[@relationship::text]");
        Filter("party", query.Party, "e.parties @> array[@party::text]");
        Filter("kind", query.Kind?.ToString().ToLowerInvariant(), "e.kind = @kind::text");
        Filter("commitment_kind", query.CommitmentKind?.ToString(), "e.commitment_kind = @commitment_kind::text");
        Filter("status", query.Status?.ToString(), "e.status = @status::text");
        Filter("topic", query.Topic?.Trim(), "exists (select 1 from unnest(e.topics) t where lower(t) = lower(@topic::text))");
        Filter("from", query.From, "e.occurred_on >= @from::date");
        Filter("to", query.To, "e.occurred_on <= @to::date");
        return (Sql(string.Join("\n          and ", filters)), [.. parameters]);
    }

    /// <summary>
    /// One branch per language, each matching that language's rows with that language's parse of the query through
    /// its partial GIN index (<see cref="SearchEntriesTable.DocumentIndex"/>), newest first, at most one more than the
    /// bound (so "more match" is known without counting them all). The parse is written in the branch, not read from a
    /// CTE, so the planner sees the words and estimates how many rows match: a frequent word is read newest first
    /// through the recorded-time index of its language and stops at the bound, a rare one through the GIN index.
    /// (One limit over the merged branches instead made the planner read and sort every match of every branch.)
    /// <para>
    /// The first branch runs first, and once it has found more than the bound, a later one needs only rows recorded
    /// since the oldest of the bound + 1 matches it read (<see cref="Window"/>): anything older ranks below the bound. Each language's
    /// walk then stops where the first one stopped, instead of reading its own 2,001 matches from far back in the
    /// table (a tenth of the rows spread over every page).
    /// </para>
    /// </summary>
    private static string Sql(string filters)
    {
        string Branch(string language, string condition) => $"""
                (select e.entry_id, e.version, e.relationships, e.parties, e.occurred_on, e.known_from, ts_rank_cd(e.document, websearch_to_tsquery('{language}', @text)) as rank
                 from {Table} e
                 where e.{SearchEntriesTable.InLanguage(language)} and e.document @@ websearch_to_tsquery('{language}', @text)
                   and {filters}{condition}
                 order by e.known_from desc, e.entry_id limit @read)
            """;
        var first = SearchLanguage.All[0];
        var steps = SearchLanguage.All.Select((language, i) => i == 0
            ? $"""
                m_{language} as materialized (
                {Branch(language, "")}
                ), since as materialized (
                    select case when count(*) > @cap then min(known_from) end as at from m_{first}
                )
                """
            : $"""
                {Window(language)},
                m_{language} as materialized (
                {Branch(language, $" and e.known_from >= (select since from w_{language}) and (select small from w_{language})")}
                    union all
                {Branch(language, $" and not (select small from w_{language})")}
                )
                """);
        var branches = string.Join(" union all ", SearchLanguage.All.Select(language => $"select * from m_{language}"));
        var queries = string.Join(", ", SearchLanguage.All.Select(language => $"websearch_to_tsquery('{language}', @text) as {language}"));
        var queryOfRow = "case e.config::text " + string.Join(" ", SearchLanguage.All.Select(language => $"when '{language}' then q.{language}")) + " end";
        return $"""
            with q as materialized (
                select {queries}
            ), {string.Join(",\n", steps)},
            matched as materialized (
                {branches}
            ), hits as materialized (
                select * from matched order by known_from desc, entry_id limit @cap
            )
            select
                (select count(*) from matched) > @cap,
                (select count(*) from hits),
                (select coalesce(json_agg(json_build_object('value', v, 'count', n) order by n desc, v), '[]')
                   from (select r as v, count(*) as n from hits, unnest(relationships) r group by r order by n desc, r limit {FacetValuesKept}) f),
                (select coalesce(json_agg(json_build_object('value', v, 'count', n) order by n desc, v), '[]')
                   from (select p as v, count(*) as n from hits, unnest(parties) p group by p order by n desc, p limit {FacetValuesKept}) f),
                (select coalesce(json_agg(json_build_object('value', v, 'count', n) order by v desc), '[]')
                   from (select extract(year from occurred_on)::int::text as v, count(*) as n from hits where occurred_on is not null group by 1) f),
                (select coalesce(json_agg(p order by p.rank desc, p.occurred_on desc nulls last, p.entry_id), '[]') from (
                   select e.entry_id, e.kind, e.interaction_id, e.body, e.relationships, e.parties, e.speaker, e.to_party, e.commitment_kind,
                          e.status, e.topics, e.occurred_on, e.classification, e.config::text as language, e.retracted, h.rank,
                          ts_headline(e.config, translate(e.body, E'\u0002\u0003', ''), {queryOfRow},
                              'StartSel={MatchStart}, StopSel={MatchEnd}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') as headline
                   from (select * from hits order by rank desc, occurred_on desc nulls last, entry_id limit @limit offset @offset) h
                   join {Table} e on e.entry_id = h.entry_id and e.version = h.version, q) p)
            """;
    }

    /// <summary>
    /// Where a later language's branch may start (<c>since</c>): the recorded time of the oldest of the bound + 1
    /// matches the first branch read, when it found that many. The branch walks that
    /// window newest first (<c>small</c>) only when the window holds fewer than <see cref="WindowRows"/> of its rows —
    /// counted in the recorded-time index — and otherwise runs as it would alone (its GIN index), so a word rare in
    /// this language but only moderately frequent in the first is not walked over most of the table. Both forms are in
    /// the SQL behind one-time filters, so the planner plans each with the estimates it has and the executor runs one.
    /// </summary>
    private static string Window(string language) => $"""
        w_{language} as materialized (
            select s.at as since, s.at is not null and (select count(*) from (
                select from {Table} e where e.{SearchEntriesTable.InLanguage(language)} and e.known_from >= s.at and e.known_from <= @known_at limit {WindowRows}) w) < {WindowRows} as small
            from since s
        )
        """;

    /// <summary>ts_headline's passage, cut at the match markers into plain and matched parts.</summary>
    public static IReadOnlyList<HighlightPart> Highlight(string headline)
    {
        var parts = new List<HighlightPart>();
        var rest = headline;
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(MatchStart, StringComparison.Ordinal);
            var end = start < 0 ? -1 : rest.IndexOf(MatchEnd, start);
            if (start < 0 || end < 0)
            {
                parts.Add(new HighlightPart(rest.Replace(MatchStart.ToString(), "", StringComparison.Ordinal), false));
                break;
            }

            if (start > 0)
            {
                parts.Add(new HighlightPart(rest[..start], false));
            }

            parts.Add(new HighlightPart(rest[(start + 1)..end], true));
            rest = rest[(end + 1)..];
        }

        return parts;
    }
}
