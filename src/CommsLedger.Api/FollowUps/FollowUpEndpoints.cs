using System.ComponentModel.DataAnnotations;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Concurrency;
using CommsLedger.Api.Http;
using CommsLedger.Api.Idempotency;
using CommsLedger.Application.Corrections;
using CommsLedger.Application.FollowUps.Cancelling;
using CommsLedger.Application.FollowUps.Completing;
using CommsLedger.Application.FollowUps.Listing;
using CommsLedger.Application.FollowUps.Scheduling;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.FollowUps;
using Mediator;

namespace CommsLedger.Api.FollowUps;

/// <summary>A follow-up on a pledge (usual) or an interaction: give exactly one of <c>pledgeId</c>, <c>interactionId</c>.</summary>
public sealed record ScheduleBody(Guid? PledgeId, Guid? InteractionId, [property: Required, MaxLength(1000)] string? Action, [property: Required, MaxLength(200)] string? Owner, [property: Required, DataType(DataType.Date)] string? Due);

public sealed record CompletionBody([property: Required, MaxLength(4000)] string? Outcome, [property: DataType(DataType.Date)] string? On);

public sealed record CancellationBody([property: Required, MaxLength(4000)] string? Reason);

/// <summary>Follow-ups live in the stream of their pledge or interaction: If-Match is that stream's ETag.</summary>
public static class FollowUpEndpoints
{
    public static IEndpointRouteBuilder MapFollowUps(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/followups").WithTags("Follow-ups");
        group.MapGet("/", List).RequireAuthorization(Policies.Read)
            .WithSummary("Open follow-ups due within N days (overdue included), or only overdue ones; optionally for one relationship");
        group.MapPost("/", Schedule).RequireAuthorization(Policies.Record).Idempotent()
            .WithSummary("Schedule a follow-up (If-Match: the pledge's or interaction's ETag); createdId is the follow-up");
        group.MapPost("/{id:guid}/completion", Complete).RequireAuthorization(Policies.Record).Idempotent()
            .WithSummary("Complete a follow-up with its outcome (If-Match: its pledge's or interaction's ETag)");
        group.MapPost("/{id:guid}/cancellation", Cancel).RequireAuthorization(Policies.Record).Idempotent()
            .WithSummary("Cancel a follow-up no longer needed (If-Match: its pledge's or interaction's ETag)");
        return app;
    }

    private static async Task<IReadOnlyList<FollowUpItem>> List([Range(0, 36500)] string? withinDays, string? overdue, string? relationship,
        IMediator mediator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var overdueOnly = overdue is not null && (bool.TryParse(overdue, out var flag)
            ? flag
            : throw new CommandRejected([new FieldError("overdue", $"'{overdue}' is not true or false")]));
        var query = new ListFollowUps(QueryText.Number(withinDays, "withinDays", 0, 36500), overdueOnly, QueryText.Relationship(relationship), QueryText.Today(clock));
        return await mediator.Send(query, cancellationToken);
    }

    private static async Task<Versioned<Changed>> Schedule(ScheduleBody body, IfMatch ifMatch, IMediator mediator, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Require(body.PledgeId is null != body.InteractionId is null, "pledgeId", "give either pledgeId or interactionId (one of them)");
        var draft = new FollowUpFile(body.Action, body.Owner, body.Due).ToDraft("", errors);
        errors.ThrowIfAny();
        var (subject, id) = body.PledgeId is { } pledge ? (EntryKind.Pledge, pledge) : (EntryKind.Interaction, body.InteractionId!.Value);
        var changed = await mediator.Send(new ScheduleFollowUp(subject, id, ifMatch.Version, draft), cancellationToken);
        return Versioned.Ok(changed, changed.Version);
    }

    private static async Task<Versioned<Changed>> Complete(Guid id, CompletionBody body, IfMatch ifMatch, IMediator mediator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var changed = await mediator.Send(
            new CompleteFollowUp(id, ifMatch.Version, body.Outcome ?? "", QueryText.DateOrToday(body.On, "on", clock)), cancellationToken);
        return Versioned.Ok(changed, changed.Version);
    }

    private static async Task<Versioned<Changed>> Cancel(Guid id, CancellationBody body, IfMatch ifMatch, IMediator mediator, CancellationToken cancellationToken)
    {
        var changed = await mediator.Send(new CancelFollowUp(id, ifMatch.Version, body.Reason ?? ""), cancellationToken);
        return Versioned.Ok(changed, changed.Version);
    }
}
