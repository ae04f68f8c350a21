using CommsLedger.Application.Access.Credentials;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Access;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Keys;

/// <summary>Issue an API key for a user (a reporting job, a script). The key acts with that user's roles and clearance
/// and expires after <paramref name="ExpiresInDays"/> (default 90, at most 365).</summary>
public sealed record IssueApiKey(string UserName, string? Label, int? ExpiresInDays = null) : ICommand<IssuedApiKey>, IChecked
{
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new FieldErrors();
        UserNames.Check(UserName, errors, "user");
        errors.Require((Label ?? "").Length <= 200, "label", "is longer than 200 characters");
        errors.RequireStorable(Label, "label");
        errors.Require(ExpiresInDays is null or (>= 1 and <= AccessDecisions.MaxKeyDays), "expiresInDays",
            $"must be 1 to {AccessDecisions.MaxKeyDays} days (default {AccessDecisions.DefaultKeyDays})");
        return errors.All;
    }
}

/// <summary>The key itself is in <paramref name="Key"/>, shown this once: only its hash is kept.</summary>
public sealed record IssuedApiKey(Guid KeyId, string User, string Label, string Key, DateTimeOffset ExpiresAt);

public sealed class IssueApiKeyHandler(IDocumentSession session, TimeProvider clock) : ICommandHandler<IssueApiKey, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(IssueApiKey command, CancellationToken cancellationToken)
    {
        var name = UserNames.Clean(command.UserName);
        var keyId = Guid.NewGuid();
        var key = ApiKeySecrets.New(keyId);
        var label = (command.Label ?? "").Trim();
        session.Store(new ApiKeyOwner { Id = keyId, UserName = name });
        var issued = await AccessStreams.Change(session, name,
            user => [AccessDecisions.IssueKey(user, keyId, label, ApiKeySecrets.Sha256(key), clock.GetUtcNow(), command.ExpiresInDays)], cancellationToken);
        return new IssuedApiKey(keyId, name, label, key, ((ApiKeyIssued)issued[0]).ExpiresAt);
    }
}
