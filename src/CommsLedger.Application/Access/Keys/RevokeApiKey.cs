using CommsLedger.Application.Access.Credentials;
using CommsLedger.Domain.Access;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Keys;

/// <summary>Revoke an API key: it stops working at once. Its user's stream records who revoked it and when.
/// With <paramref name="UserName"/>, only a key of that user is found.</summary>
public sealed record RevokeApiKey(Guid KeyId, string? UserName = null) : ICommand<Unit>;

public sealed class RevokeApiKeyHandler(IDocumentSession session) : ICommandHandler<RevokeApiKey, Unit>
{
    public async ValueTask<Unit> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var owner = await session.LoadAsync<ApiKeyOwner>(command.KeyId, cancellationToken);
        if (owner is null || (command.UserName is { } user && owner.UserName != Users.UserNames.Clean(user)))
        {
            throw new EntryNotFound("api key", command.KeyId);
        }

        await AccessStreams.Change(session, owner.UserName, access => AccessDecisions.RevokeKey(access, command.KeyId), cancellationToken);
        return Unit.Value;
    }
}
