using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Keys;

/// <summary>Revoke an API key: it stops working at once. The record stays, with who revoked it and when.
/// With <paramref name="UserName"/>, only a key of that user is found.</summary>
public sealed record RevokeApiKey(Guid KeyId, string? UserName = null) : ICommand<Unit>;

public sealed class RevokeApiKeyHandler(IDocumentSession session, Actor actor, TimeProvider clock) : ICommandHandler<RevokeApiKey, Unit>
{
    public async ValueTask<Unit> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var key = await session.LoadAsync<ApiKey>(command.KeyId, cancellationToken);
        if (key is null || (command.UserName is { } user && key.UserName != Users.UserNames.Clean(user)))
        {
            throw new EntryNotFound("api key", command.KeyId);
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            key.RevokedBy = actor.UserName;
            session.Update(key);
            await session.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
