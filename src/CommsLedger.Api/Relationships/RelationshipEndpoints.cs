using System.ComponentModel.DataAnnotations;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Http;
using CommsLedger.Application.Relationships.Listing;
using CommsLedger.Application.Relationships.Viewing;
using Mediator;

namespace CommsLedger.Api.Relationships;

public static class RelationshipEndpoints
{
    public static IEndpointRouteBuilder MapRelationships(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/relationships").WithTags("Relationships");
        group.MapGet("/", List).RequireAuthorization(Policies.Read)
            .WithSummary("Every relationship with its counts");
        group.MapGet("/{key}", Get).RequireAuthorization(Policies.Read)
            .WithSummary("One bilateral ledger (key CN-PE, any order or case); asKnownAt (instant) and asOccurredBy (date) travel in time");
        return app;
    }

    private static async Task<IReadOnlyList<RelationshipView>> List(IMediator mediator, TimeProvider clock, CancellationToken cancellationToken) =>
        await mediator.Send(new ListRelationships(QueryText.Today(clock)), cancellationToken);

    private static async Task<RelationshipView> Get(string key, string? asKnownAt, [DataType(DataType.Date)] string? asOccurredBy, IMediator mediator, TimeProvider clock, CancellationToken cancellationToken) =>
        await mediator.Send(new GetRelationship(key, QueryText.Today(clock), QueryText.AsOf(asKnownAt, asOccurredBy)), cancellationToken);
}
