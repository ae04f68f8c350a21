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
/// One round trip (<see cref="SearchQuerySql"/>): the matching versions are selected once (clearance, "known at" instant
/// and every filter applied first), then counted, faceted and paged from that same set, so no count can include what
/// the page may not show.
/// </summary>
public sealed class SearchLedgerHandler(IQuerySession session, Actor actor, TimeProvider clock) : IQueryHandler<SearchLedger, SearchResults>
{
    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async ValueTask<SearchResults> Handle(SearchLedger query, CancellationToken cancellationToken)
    {
        var connection = session.Connection!;
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        var (sql, parameters) = SearchQuerySql.Build(query, actor.Clearance, clock.GetUtcNow());
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SearchResults(
            query.Text,
            reader.GetInt64(1),
            query.Page,
            query.PageSize,
            [.. JsonSerializer.Deserialize<HitRow[]>(reader.GetString(5), RowJson)!.Select(Hit)],
            Facets(reader.GetString(2)),
            Facets(reader.GetString(3)),
            Facets(reader.GetString(4)),
            reader.GetBoolean(0));
    }

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
            SearchQuerySql.Highlight(row.Headline),
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
