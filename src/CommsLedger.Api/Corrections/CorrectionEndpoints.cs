using System.ComponentModel.DataAnnotations;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Concurrency;
using CommsLedger.Api.Idempotency;
using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Corrections.Retracting;
using CommsLedger.Application.Storage;
using Mediator;

namespace CommsLedger.Api.Corrections;

/// <summary>field — interaction: summary, kind, occurred_on; statement: text, speaker, topics; pledge: text, topic, kind, due, status.</summary>
public sealed record CorrectionBody([property: Required] string? Field, [property: Required, MaxLength(8000)] string? Now, [property: Required, MaxLength(4000)] string? Reason);

public sealed record RetractionBody([property: Required, MaxLength(4000)] string? Reason);

/// <summary>Corrections and retractions of interactions, statements (in their interaction's stream) and pledges.
/// Nothing is deleted: the original stays in the log beside what replaced it.</summary>
public static class CorrectionEndpoints
{
    public static IEndpointRouteBuilder MapCorrections(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Corrections");
        Entry(group, "/interactions/{id:guid}", EntryKind.Interaction, "an interaction (If-Match: its ETag)");
        Entry(group, "/pledges/{id:guid}", EntryKind.Pledge, "a pledge (If-Match: its ETag)");
        const string statement = "/interactions/{id:guid}/statements/{statementId:guid}";
        group.MapPost(statement + "/corrections", (Guid id, Guid statementId, CorrectionBody body, IfMatch ifMatch, IMediator mediator, CancellationToken cancellationToken) =>
                Correct(EntryKind.Statement, id, statementId, body, ifMatch, mediator, cancellationToken))
            .RequireAuthorization(Policies.Record).Idempotent().WithSummary("Correct one field of a statement (If-Match: its interaction's ETag)");
        group.MapPost(statement + "/retraction", (Guid id, Guid statementId, RetractionBody body, IfMatch ifMatch, IMediator mediator, CancellationToken cancellationToken) =>
                Retract(EntryKind.Statement, id, statementId, body, ifMatch, mediator, cancellationToken))
            .RequireAuthorization(Policies.Record).Idempotent().WithSummary("Retract a statement recorded in error (If-Match: its interaction's ETag)");
        return app;
    }

    private static void Entry(RouteGroupBuilder group, string entry, EntryKind kind, string what)
    {
        group.MapPost(entry + "/corrections", (Guid id, CorrectionBody body, IfMatch ifMatch, IMediator mediator, CancellationToken cancellationToken) =>
                Correct(kind, id, null, body, ifMatch, mediator, cancellationToken))
            .RequireAuthorization(Policies.Record).Idempotent().WithSummary($"Correct one field of {what}");
        group.MapPost(entry + "/retraction", (Guid id, RetractionBody body, IfMatch ifMatch, IMediator mediator, CancellationToken cancellationToken) =>
                Retract(kind, id, null, body, ifMatch, mediator, cancellationToken))
            .RequireAuthorization(Policies.Record).Idempotent().WithSummary($"Retract {what} recorded in error");
    }

    private static async Task<Versioned<Changed>> Correct(EntryKind kind, Guid id, Guid? statementId, CorrectionBody body, IfMatch ifMatch, IMediator mediator, CancellationToken cancellationToken)
    {
        var changed = await mediator.Send(new CorrectEntry(kind, id, statementId, ifMatch.Version, body.Field ?? "", body.Now ?? "", body.Reason ?? ""), cancellationToken);
        return Versioned.Ok(changed, changed.Version);
    }

    private static async Task<Versioned<Changed>> Retract(EntryKind kind, Guid id, Guid? statementId, RetractionBody body, IfMatch ifMatch, IMediator mediator, CancellationToken cancellationToken)
    {
        var changed = await mediator.Send(new RetractEntry(kind, id, statementId, ifMatch.Version, body.Reason ?? ""), cancellationToken);
        return Versioned.Ok(changed, changed.Version);
    }
}
