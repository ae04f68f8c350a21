using System.Text.Json;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Search;
using Marten;
using Mediator;
using Npgsql;

namespace CommsLedger.Application.Search.Searching;

/// <summary>
/// One round trip: the matching versions are selected once (clearance, "known at" instant and every filter applied
/// first), then counted, faceted and paged from that same set, so no count can include what the page may not show.
/// </summary>
public sealed class SearchLedgerHandler(IQuerySession session, Actor actor, TimeProvider clock) : IQueryHandler<SearchLedger, SearchResults>
{
    private const char MatchStart = '\u0002';
    private const char MatchEnd = '\u0003';
    private const int FacetValuesKept = 20;

    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private const string Table = $"{LedgerStore.Schema}.{SearchEntriesTable.Name}";

    /// <summary>Every filter but the text, the same in each language's branch.</summary>
    private const string Filters = """
        e.classification <= $2 and e.known_from <= $3 and e.known_until > $3 and ($4 or not e.retracted)
              and ($5::text is null or e.relationships @> array[$5::text])
              and ($6::text is null or e.parties @> array[$6::text])
              and ($7::text is null or e.kind = $7::text)
              and ($8::text is null or e.commitment_kind = $8::text)
              and ($9::text is null or e.status = $9::text)
              and ($10::text is null or exists (select 1 from unnest(e.topics) t where lower(t) = lower($10::text)))
              and ($11::date is null or e.occurred_on >= $11::date)
              and ($12::date is null or e.occurred_on <= $12::date)
        """;

    /// <summary>
    /// One branch per language, each matching that language's rows with that language's parse of the query through
    /// its partial GIN index (<see cref="SearchEntriesTable.DocumentIndex"/>): a bitmap scan of one small index per
    /// language, and no row read by a branch that cannot match it.
    /// </summary>
    private static readonly string Matches = string.Join("\n            union all\n", SearchLanguage.All.Select(language => $"""
                select e.entry_id, e.version, e.relationships, e.parties, e.occurred_on, ts_rank_cd(e.document, q.{language}) as rank
                from q, {Table} e
                where e.{SearchEntriesTable.InLanguage(language)} and e.document @@ q.{language} and {Filters}
        """));

    private static readonly string Queries = string.Join(", ", SearchLanguage.All.Select(language => $"websearch_to_tsquery('{language}', $1) as {language}"));

    private static readonly string QueryOfRow = "case e.config::text " + string.Join(" ", SearchLanguage.All.Select(language => $"when '{language}' then q.{language}")) + " end";

    /// <summary>The whole query (internal so the benchmark can EXPLAIN exactly what runs).</summary>
    internal static readonly string Sql = $"""
        with q as materialized (
            select {Queries}
        ), hits as materialized (
        {Matches}
        )
        select
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
                      ts_headline(e.config, translate(e.body, E'\u0002\u0003', ''), {QueryOfRow},
                          'StartSel={MatchStart}, StopSel={MatchEnd}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') as headline
               from (select * from hits order by rank desc, occurred_on desc nulls last, entry_id limit $13 offset $14) h
               join {Table} e on e.entry_id = h.entry_id and e.version = h.version, q) p)
        """;

    public async ValueTask<SearchResults> Handle(SearchLedger query, CancellationToken cancellationToken)
    {
        var connection = session.Connection!;
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        foreach (var value in Parameters(query, actor.Clearance, clock.GetUtcNow()))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SearchResults(
            query.Text,
            reader.GetInt64(0),
            query.Page,
            query.PageSize,
            [.. JsonSerializer.Deserialize<HitRow[]>(reader.GetString(4), RowJson)!.Select(Hit)],
            Facets(reader.GetString(1)),
            Facets(reader.GetString(2)),
            Facets(reader.GetString(3)));
    }

    internal static object?[] Parameters(SearchLedger query, Classification clearance, DateTimeOffset now) =>
    [
        query.Text,
        (int)clearance,
        (query.KnownAt ?? now).ToUniversalTime(),
        query.IncludeRetracted,
        query.Relationship,
        query.Party,
        query.Kind?.ToString().ToLowerInvariant(),
        query.CommitmentKind?.ToString(),
        query.Status?.ToString(),
        query.Topic?.Trim(),
        query.From,
        query.To,
        query.PageSize,
        (query.Page - 1) * query.PageSize,
    ];

    private static IReadOnlyList<FacetCount> Facets(string json) => JsonSerializer.Deserialize<FacetCount[]>(json, RowJson)!;

    private static SearchHit Hit(HitRow row)
    {
        var kind = Enum.Parse<SearchKind>(row.Kind, ignoreCase: true);
        return new SearchHit(
            kind,
            row.EntryId,
            row.InteractionId,
            kind == SearchKind.Commitment ? $"/pledges/{row.EntryId}" : $"/interactions/{row.InteractionId}",
            row.Body,
            Highlight(row.Headline),
            Math.Round(row.Rank, 6),
            row.Relationships,
            row.Parties,
            row.Speaker,
            row.ToParty,
            row.CommitmentKind is { } k ? Enum.Parse<CommitmentKind>(k) : null,
            row.Status is { } s ? Enum.Parse<PledgeStatus>(s) : null,
            row.Topics,
            row.OccurredOn,
            (Classification)row.Classification,
            row.Language,
            row.Retracted);
    }

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

    private sealed record HitRow(
        Guid EntryId,
        string Kind,
        Guid InteractionId,
        string Body,
        string[] Relationships,
        string[] Parties,
        string? Speaker,
        string? ToParty,
        string? CommitmentKind,
        string? Status,
        string[] Topics,
        DateOnly? OccurredOn,
        int Classification,
        string Language,
        bool Retracted,
        double Rank,
        string Headline);
}
