using CommsLedger.Domain.Pledges;
using CommsLedger.Application.Wire;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Concurrency;
using CommsLedger.Api.Idempotency;
using CommsLedger.Api.Problems;
using CommsLedger.Application.Interactions.AddingCommitments;
using CommsLedger.Application.Interactions.AddingStatements;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using Mediator;

namespace CommsLedger.Api.Interactions;

/// <summary>A statement to add, in the log file's format (classification defaults to the interaction's).</summary>
public sealed record StatementBody(
    [property: Required, MaxLength(200)] string? Speaker, [property: Required] string? Country, [property: Required, MaxLength(8000)] string? Text,
    [property: MaxLength(50)] IReadOnlyList<string?>? Topics, [property: WireEnum(typeof(Classification))] string? Classification);

/// <summary>A commitment to add, in the log file's format: kind pledge|intent|offer|request|agreement, due yyyy-MM-dd.</summary>
public sealed record CommitmentBody(
    [property: Required] string? By, string? To, [property: Required, WireEnum(typeof(CommitmentKind))] string? Kind, [property: Required, MaxLength(4000)] string? Text,
    [property: MaxLength(200)] string? Topic, [property: DataType(DataType.Date)] string? Due,
    IReadOnlyList<FollowUpFile?>? FollowUps, IReadOnlyList<string?>? CameoCodes, [property: WireEnum(typeof(Classification))] string? Classification,
    [property: Description("The id of a pledge already recorded that this commitment restates: it then starts no pledge of its own")] string? Reaffirms = null);

public static class InteractionEndpoints
{
    public static IEndpointRouteBuilder MapInteractions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/interactions").WithTags("Interactions");
        group.MapPost("/", Log).RequireAuthorization(Policies.Record).Idempotent()
            .Accepts<InteractionFile>("application/json").Produces<InteractionRecord>(StatusCodes.Status201Created)
            .WithSummary("Log an interaction with its statements, commitments and follow-ups (the CLI's log --file format)");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Read)
            .WithSummary("One interaction with statements, commitments and corrections; its version is the ETag");
        group.MapPost("/{id:guid}/statements", AddStatement).RequireAuthorization(Policies.Record).Idempotent()
            .WithSummary("Add a statement (If-Match: the interaction's ETag); createdId is the statement");
        group.MapPost("/{id:guid}/commitments", AddCommitment).RequireAuthorization(Policies.Record).Idempotent()
            .WithSummary("Add a commitment (If-Match: the interaction's ETag); createdId is the new pledge, or the pledge it reaffirms");
        return app;
    }

    private static async Task<Versioned<InteractionRecord>> Log(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw new RequestRefused(StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json", "must be application/json", "Content-Type");
        }

        using var reader = new StreamReader(request.Body);
        var draft = InteractionJson.Parse(await reader.ReadToEndAsync(cancellationToken));
        var record = await mediator.Send(new LogInteraction(draft), cancellationToken);
        return Versioned.Created(record, record.Version, $"/interactions/{record.Id}");
    }

    private static async Task<Versioned<InteractionRecord>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var record = await mediator.Send(new GetInteraction(id), cancellationToken);
        return Versioned.Ok(record, record.Version);
    }

    private static async Task<Versioned<Changed>> AddStatement(Guid id, StatementBody body, IfMatch ifMatch, IMediator mediator, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var draft = new StatementFile(body.Speaker, body.Country, body.Text, Texts(body.Topics), body.Classification).ToDraft("", errors);
        errors.ThrowIfAny();
        var changed = await mediator.Send(new AddStatement(id, ifMatch.Version, draft), cancellationToken);
        return Versioned.Ok(changed, changed.Version);
    }

    private static async Task<Versioned<Changed>> AddCommitment(Guid id, CommitmentBody body, IfMatch ifMatch, IMediator mediator, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var draft = new CommitmentFile(body.By, body.To, body.Kind, body.Text, body.Topic, body.Due,
                [.. (body.FollowUps ?? []).Select(f => f ?? new FollowUpFile(null, null, null))], Texts(body.CameoCodes), body.Classification, body.Reaffirms)
            .ToDraft("", errors);
        errors.ThrowIfAny();
        var changed = await mediator.Send(new AddCommitment(id, ifMatch.Version, draft), cancellationToken);
        return Versioned.Ok(changed, changed.Version);
    }

    /// <summary>JSON may hold nulls where the draft expects text: they read as empty, and the checks name them.</summary>
    private static string[] Texts(IReadOnlyList<string?>? texts) => [.. (texts ?? []).Select(t => t ?? "")];
}
