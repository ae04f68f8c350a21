using System.ComponentModel.DataAnnotations;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Http;
using CommsLedger.Application.Relationships.Contacts;
using CommsLedger.Application.Relationships.FollowUps;
using CommsLedger.Application.Relationships.Listing;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Pledges;
using CommsLedger.Application.Relationships.Viewing;
using Mediator;

namespace CommsLedger.Api.Relationships;

/// <summary>Relationships a page at a time, one relationship's counts, and its contacts, pledges and follow-ups a page
/// at a time: every list takes <c>limit</c> and the <c>cursor</c> the previous page answered with as <c>next</c>.</summary>
public static class RelationshipEndpoints
{
    public static IEndpointRouteBuilder MapRelationships(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/relationships").WithTags("Relationships");
        group.MapGet("/", List).RequireAuthorization(Policies.Read)
            .WithSummary("Relationships with their counts, a page at a time (limit, cursor); by key or sort=last-contact|open-pledges|overdue; party filters");
        group.MapGet("/{key}", Get).RequireAuthorization(Policies.Read)
            .WithSummary("One bilateral ledger's counts (key CN-PE, any order or case); asKnownAt (instant) and asOccurredBy (date) travel in time");
        group.MapGet("/{key}/contacts", Contacts).RequireAuthorization(Policies.Read)
            .WithSummary("A relationship's contacts, newest first, a page at a time; asKnownAt and asOccurredBy travel in time");
        group.MapGet("/{key}/pledges", Pledges).RequireAuthorization(Policies.Read)
            .WithSummary("A relationship's pledges, newest first, by one side or both, a page at a time; asKnownAt and asOccurredBy travel in time");
        group.MapGet("/{key}/followups", FollowUps).RequireAuthorization(Policies.Read)
            .WithSummary("A relationship's open follow-ups, soonest due first (overdue=true: only those past due), a page at a time");
        return app;
    }

    private static async Task<RelationshipPage> List(string? party, [AllowedValues("key", "last-contact", "open-pledges", "overdue")] string? sort,
        [Range(1, PageRequest.MaxLimit)] string? limit, string? cursor, IMediator mediator, TimeProvider clock, CancellationToken cancellationToken) =>
        await mediator.Send(new ListRelationships(QueryText.Today(clock), Page(limit, cursor), party, QueryText.Choice<RelationshipSort>(sort, "sort") ?? RelationshipSort.Key), cancellationToken);

    private static async Task<RelationshipView> Get(string key, string? asKnownAt, [DataType(DataType.Date)] string? asOccurredBy, IMediator mediator, TimeProvider clock, CancellationToken cancellationToken) =>
        await mediator.Send(new GetRelationship(key, QueryText.Today(clock), QueryText.AsOf(asKnownAt, asOccurredBy)), cancellationToken);

    private static async Task<Page<ContactLineView>> Contacts(string key, [Range(1, PageRequest.MaxLimit)] string? limit, string? cursor,
        string? asKnownAt, [DataType(DataType.Date)] string? asOccurredBy, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new ListContacts(key, Page(limit, cursor), QueryText.AsOf(asKnownAt, asOccurredBy)), cancellationToken);

    private static async Task<Page<PledgeLineView>> Pledges(string key, string? by, [Range(1, PageRequest.MaxLimit)] string? limit, string? cursor,
        string? asKnownAt, [DataType(DataType.Date)] string? asOccurredBy, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new ListRelationshipPledges(key, by, Page(limit, cursor), QueryText.AsOf(asKnownAt, asOccurredBy)), cancellationToken);

    private static async Task<Page<FollowUpLineView>> FollowUps(string key, string? overdue, [Range(1, PageRequest.MaxLimit)] string? limit, string? cursor,
        string? asKnownAt, [DataType(DataType.Date)] string? asOccurredBy, IMediator mediator, TimeProvider clock, CancellationToken cancellationToken) =>
        await mediator.Send(new ListRelationshipFollowUps(key, QueryText.Today(clock), QueryText.Flag(overdue, "overdue"), Page(limit, cursor), QueryText.AsOf(asKnownAt, asOccurredBy)), cancellationToken);

    private static PageRequest Page(string? limit, string? cursor) =>
        new(QueryText.Number(limit, "limit", 1, PageRequest.MaxLimit) ?? PageRequest.DefaultLimit, cursor);
}
