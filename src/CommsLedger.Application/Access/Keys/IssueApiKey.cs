using CommsLedger.Application.Access.Credentials;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Keys;

/// <summary>Issue an API key for a user (a reporting job, a script). The key acts with that user's roles and clearance;
/// with <paramref name="ExpiresAt"/> it stops working by itself then.</summary>
public sealed record IssueApiKey(string UserName, string? Label, DateTimeOffset? ExpiresAt = null) : ICommand<IssuedApiKey>, IChecked
{
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new FieldErrors();
        UserNames.Check(UserName, errors, "user");
        errors.Require((Label ?? "").Length <= 200, "label", "is longer than 200 characters");
        return errors.All;
    }
}

/// <summary>The key itself is in <paramref name="Key"/>, shown this once: only its hash is kept.</summary>
public sealed record IssuedApiKey(Guid KeyId, string User, string Label, string Key);

public sealed class IssueApiKeyHandler(IDocumentSession session, Actor actor, TimeProvider clock) : ICommandHandler<IssueApiKey, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(IssueApiKey command, CancellationToken cancellationToken)
    {
        var name = UserNames.Clean(command.UserName);
        _ = await session.LoadAsync<LedgerUser>(name, cancellationToken)
            ?? throw new LedgerRuleViolated("user", $"there is no user '{name}'; add the user first");
        if (command.ExpiresAt <= clock.GetUtcNow())
        {
            throw new CommandRejected([new FieldError("expires", $"{command.ExpiresAt:yyyy-MM-dd HH:mm} UTC is not in the future")]);
        }

        var keyId = Guid.NewGuid();
        var key = ApiKeySecrets.New(keyId);
        var label = (command.Label ?? "").Trim();
        session.Insert(new ApiKey
        {
            Id = keyId,
            UserName = name,
            Label = label,
            Sha256 = ApiKeySecrets.Sha256(key),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.UserName,
            ExpiresAt = command.ExpiresAt,
        });
        await session.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(keyId, name, label, key);
    }
}
