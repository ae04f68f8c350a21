using System.ComponentModel.DataAnnotations;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Concurrency;
using CommsLedger.Api.Http;
using CommsLedger.Api.Idempotency;
using CommsLedger.Application.Pledges.Assessing;
using CommsLedger.Application.Pledges.ChangingStatus;
using CommsLedger.Application.Pledges.Listing;
using CommsLedger.Application.Pledges.NotingProgress;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Application.Storage;
using CommsLedger.Application.Wire;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;
using Mediator;

namespace CommsLedger.Api.Pledges;

public sealed record ProgressBody([property: Required, MaxLength(4000)] string? Note, [property: DataType(DataType.Date)] string? AsOf);

/// <summary>status: fulfilled, partially-fulfilled, broken, withdrawn or lapsed; on: yyyy-MM-dd, default today (UTC).</summary>
public sealed record StatusBody([property: Required, WireEnum(typeof(PledgeStatus))] string? Status, [property: DataType(DataType.Date)] string? On, [property: MaxLength(4000)] string? Note);

/// <summary>score on the G7 scale: +1 full, 0 partial, -1 none.</summary>
public sealed record AssessmentBody([property: Required, Range(-1, 1)] int? Score, [property: MaxLength(4000)] string? Rationale, [property: MaxLength(4000)] string? Evidence, [property: DataType(DataType.Date)] string? On);

public static class PledgeEndpoints
{
    public static IEndpointRouteBuilder MapPledges(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/pledges").WithTags("Pledges");
        group.MapGet("/", List).RequireAuthorization(Policies.Read)
            .WithSummary("Pledges by relationship, party, status, due date or overdue; now or as of a moment");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Read)
            .WithSummary("One pledge with status history, progress, follow-ups and assessments; its version is the ETag");
        group.MapPost("/{id:guid}/progress", NoteProgress).RequireAuthorization(Policies.Record).Idempotent()
            .WithSummary("Note progress on a pledge (If-Match: the pledge's ETag)");
        group.MapPost("/{id:guid}/status", ChangeStatus).RequireAuthorization(Policies.Record).Idempotent()
            .WithSummary("Record what became of a pledge (If-Match: the pledge's ETag)");
        group.MapPost("/{id:guid}/assessments", Assess).RequireAuthorization(Policies.Review).Idempotent()
            .WithSummary("Score a pledge's compliance on the G7 scale (If-Match: the pledge's ETag); createdId is the assessment");
        return app;
    }

    private static async Task<IReadOnlyList<PledgeRegister>> List(
        string? relationship, string? by, [WireEnum(typeof(PledgeStatus))] string? status, [DataType(DataType.Date)] string? dueBy, [DataType(DataType.Date)] string? overdueOn, string? asKnownAt,
        [DataType(DataType.Date)] string? asOccurredBy,
        IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new ListPledges(
            QueryText.Relationship(relationship), QueryText.Party(by, "by"), QueryText.Choice<PledgeStatus>(status, "status"),
            QueryText.Date(dueBy, "dueBy"), QueryText.Date(overdueOn, "overdueOn"), QueryText.AsOf(asKnownAt, asOccurredBy)), cancellationToken);

    private static async Task<Versioned<PledgeRegister>> Get(Guid id, string? asKnownAt, [DataType(DataType.Date)] string? asOccurredBy, IMediator mediator, CancellationToken cancellationToken)
    {
        var asOf = QueryText.AsOf(asKnownAt, asOccurredBy);
        var pledge = await mediator.Send(new GetPledge(id, asOf), cancellationToken);
        return Versioned.Ok(pledge, asOf.IsNow ? pledge.Version : null);
    }

    private static async Task<Versioned<Changed>> NoteProgress(Guid id, ProgressBody body, IfMatch ifMatch, IMediator mediator, TimeProvider clock, CancellationToken cancellationToken) =>
        Written(await mediator.Send(new NoteProgress(id, ifMatch.Version, body.Note ?? "", QueryText.DateOrToday(body.AsOf, "asOf", clock)), cancellationToken));

    private static async Task<Versioned<Changed>> ChangeStatus(Guid id, StatusBody body, IfMatch ifMatch, IMediator mediator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var status = QueryText.Choice<PledgeStatus>(body.Status, "status")
            ?? throw new CommandRejected([new FieldError("status", "is required: fulfilled, partially-fulfilled, broken, withdrawn or lapsed")]);
        var on = QueryText.DateOrToday(body.On, "on", clock);
        return Written(await mediator.Send(new ChangePledgeStatus(id, ifMatch.Version, status, on, body.Note ?? ""), cancellationToken));
    }

    private static async Task<Versioned<Changed>> Assess(Guid id, AssessmentBody body, IfMatch ifMatch, IMediator mediator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var score = body.Score ?? throw new CommandRejected([new FieldError("score", "is required: +1, 0 or -1")]);
        var on = QueryText.DateOrToday(body.On, "on", clock);
        return Written(await mediator.Send(new AssessCompliance(id, ifMatch.Version, score, body.Rationale ?? "", body.Evidence, on), cancellationToken));
    }

    private static Versioned<Changed> Written(Changed changed) => Versioned.Ok(changed, changed.Version);
}
