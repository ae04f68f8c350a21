using System.ComponentModel.DataAnnotations;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Http;
using CommsLedger.Application.Search.Searching;
using CommsLedger.Application.Wire;
using CommsLedger.Domain.Pledges;
using Mediator;

namespace CommsLedger.Api.Search;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search", Search).WithTags("Search").RequireAuthorization(Policies.Read)
            .WithSummary("Full-text search over statements, commitments and interactions (web syntax: \"phrase\", or, -word); "
                + "ranked and highlighted, paged, with facets per relationship, party and year; as known now or at asKnownAt");
        return app;
    }

    private static async Task<SearchResults> Search(
        string? q, string? relationship, string? by, [WireEnum(typeof(SearchKind))] string? kind, [WireEnum(typeof(CommitmentKind))] string? commitmentKind,
        [WireEnum(typeof(PledgeStatus))] string? status, string? topic, [DataType(DataType.Date)] string? from, [DataType(DataType.Date)] string? to,
        string? asKnownAt, string? includeRetracted, [Range(1, 100_000)] string? page, [Range(1, SearchLedger.MaxPageSize)] string? pageSize,
        IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new SearchLedger(
            q ?? "",
            QueryText.Relationship(relationship),
            QueryText.Party(by, "by"),
            QueryText.Choice<SearchKind>(kind, "kind"),
            QueryText.Choice<CommitmentKind>(commitmentKind, "commitmentKind"),
            QueryText.Choice<PledgeStatus>(status, "status"),
            topic,
            QueryText.Date(from, "from"),
            QueryText.Date(to, "to"),
            QueryText.AsOf(asKnownAt, null).KnownAt,
            QueryText.Flag(includeRetracted, "includeRetracted"),
            QueryText.Number(page, "page", 1, 100_000) ?? 1,
            QueryText.Number(pageSize, "pageSize", 1, SearchLedger.MaxPageSize) ?? 20), cancellationToken);
}
