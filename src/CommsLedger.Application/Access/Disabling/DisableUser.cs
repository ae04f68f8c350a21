using CommsLedger.Application.Access.Changing;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Disabling;

/// <summary>An administrator disables a user: none of their passwords, keys or sessions works any more. The user
/// stays (their name is on the events they recorded) and can be enabled again.</summary>
public sealed record DisableUser(string Name) : ICommand<UserView>;

public sealed record EnableUser(string Name) : ICommand<UserView>;

public sealed class DisableUserHandler(IDocumentSession session, Actor actor, TimeProvider clock)
    : ICommandHandler<DisableUser, UserView>, ICommandHandler<EnableUser, UserView>
{
    public async ValueTask<UserView> Handle(DisableUser command, CancellationToken cancellationToken)
    {
        var user = await session.ManagedUser(command.Name, actor, cancellationToken);
        if (user.Id == UserNames.Clean(actor.UserName))
        {
            throw new LedgerRuleViolated("name", "you cannot disable yourself; another administrator can");
        }

        if (user.DisabledAt is null)
        {
            user.DisabledAt = clock.GetUtcNow();
            user.DisabledBy = actor.UserName;
            await Save(user, cancellationToken);
        }

        return user.View();
    }

    public async ValueTask<UserView> Handle(EnableUser command, CancellationToken cancellationToken)
    {
        var user = await session.ManagedUser(command.Name, actor, cancellationToken);
        if (user.DisabledAt is not null)
        {
            user.DisabledAt = null;
            user.DisabledBy = null;
            await Save(user, cancellationToken);
        }

        return user.View();
    }

    private async Task Save(LedgerUser user, CancellationToken cancellationToken)
    {
        session.Update(user);
        await session.SaveChangesAsync(cancellationToken);
    }
}
