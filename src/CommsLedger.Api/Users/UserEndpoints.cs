using System.ComponentModel.DataAnnotations;
using CommsLedger.Api.Auth;
using CommsLedger.Application.Access;
using CommsLedger.Application.Access.History;
using CommsLedger.Application.Access.Keys;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Wire;
using CommsLedger.Domain.Shared;
using Mediator;

namespace CommsLedger.Api.Users;

/// <summary>roles: recorder, reviewer, reporter, admin; clearance: unclassified, confidential, secret, top-secret.
/// password is optional (12+ characters), for HTTP Basic sign-in.</summary>
public sealed record NewUserBody(
    [property: Required, StringLength(64, MinimumLength = 1)] string? Name, [property: Required, WireEnum(typeof(LedgerRole))] IReadOnlyList<string?>? Roles,
    [property: Required, WireEnum(typeof(Classification))] string? Clearance, [property: StringLength(1024, MinimumLength = 12)] string? Password);

/// <summary>What to change: roles, clearance or both (what is left out stays as it is).</summary>
public sealed record AccessChangeBody([property: WireEnum(typeof(LedgerRole))] IReadOnlyList<string?>? Roles, [property: WireEnum(typeof(Classification))] string? Clearance);

/// <summary>expiresInDays: 1 to 365, default 90.</summary>
public sealed record NewKeyBody([property: MaxLength(200)] string? Label, [property: Range(1, 365)] int? ExpiresInDays = null);

/// <summary>Who the caller is, as the API sees them.</summary>
public sealed record Me(string Name, IReadOnlyList<string> Roles, string Clearance, string CorrelationId);

/// <summary>Administration: users, their access and API keys. The admin role grants this and nothing of the ledger's content.</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Administer);
        group.MapGet("/", List).WithSummary("Every user with roles and clearance (never a password hash)");
        group.MapPost("/", Add).Produces<UserView>(StatusCodes.Status201Created).WithSummary("Add a user");
        group.MapPatch("/{name}", Change).WithSummary("Change a user's roles, clearance or both (each change is an event of the ledger)");
        group.MapGet("/{name}/keys", Keys).WithSummary("A user's API keys with their expiry and status (never the keys)");
        group.MapDelete("/{name}/keys/{keyId:guid}", Revoke).Produces(StatusCodes.Status204NoContent).WithSummary("Revoke an API key");
        app.MapGet("/access/history", History).WithTags("Users").RequireAuthorization(Policies.AuditAccess)
            .WithSummary("Every change of access (users, roles, clearances, keys) in the order recorded, each with its event id");
        // A key acts as its user, so only that user, signed in, is issued one: an admin who could mint keys for
        // others could act as any of them, a TOP SECRET reviewer included. Admins may revoke keys.
        app.MapPost("/me/keys", Issue).WithTags("Users").RequireAuthorization(Policies.SignedIn)
            .Produces<IssuedApiKey>(StatusCodes.Status201Created)
            .WithSummary("Issue an API key acting as yourself (for a job or script); the key is in this response only");
        app.MapGet("/me/keys", MyKeys).WithTags("Users").RequireAuthorization(Policies.SignedIn)
            .WithSummary("Your API keys with their expiry and status");
        app.MapGet("/me", WhoAmI).WithTags("Users").RequireAuthorization(Policies.SignedIn)
            .WithSummary("The caller's name, roles and clearance");
        return app;
    }

    private static async Task<IReadOnlyList<UserView>> List(IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new ListUsers(), cancellationToken);

    private static async Task<IResult> Add(NewUserBody body, IMediator mediator, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var roles = UserNames.Roles(body.Roles?.Select(r => r ?? ""), errors);
        var clearance = UserNames.Clearance(body.Clearance, errors);
        errors.ThrowIfAny();
        var user = await mediator.Send(new AddUser(body.Name ?? "", roles, clearance, body.Password), cancellationToken);
        return TypedResults.Created($"/users/{user.Name}", user);
    }

    private static async Task<UserView> Change(string name, AccessChangeBody body, IMediator mediator, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var roles = body.Roles is null ? null : UserNames.Roles(body.Roles.Select(r => r ?? ""), errors);
        Classification? clearance = body.Clearance is null ? null : UserNames.Clearance(body.Clearance, errors);
        errors.ThrowIfAny();
        return await mediator.Send(new ChangeUserAccess(name, roles, clearance), cancellationToken);
    }

    private static async Task<IReadOnlyList<ApiKeyView>> Keys(string name, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new ListApiKeys(name), cancellationToken);

    private static async Task<IReadOnlyList<AccessHistoryLine>> History(string? user, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new GetAccessHistory(user), cancellationToken);

    private static async Task<IResult> Issue(NewKeyBody body, Actor actor, IMediator mediator, CancellationToken cancellationToken)
    {
        var issued = await mediator.Send(new IssueApiKey(actor.UserName, body.Label, body.ExpiresInDays), cancellationToken);
        return TypedResults.Created($"/users/{issued.User}/keys/{issued.KeyId}", issued);
    }

    private static async Task<IReadOnlyList<ApiKeyView>> MyKeys(Actor actor, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new ListApiKeys(actor.UserName), cancellationToken);

    private static async Task<IResult> Revoke(string name, Guid keyId, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeApiKey(keyId, name), cancellationToken);
        return TypedResults.NoContent();
    }

    private static Me WhoAmI(Actor actor) =>
        new(actor.UserName, [.. actor.Roles.Order().Select(LedgerClaims.RoleName)], WireNames.Of(actor.Clearance), actor.CorrelationId);
}
