using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Access;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Disabling;

/// <summary>An administrator disables a user (none of their passwords, keys or sessions works any more) or enables
/// them again; each is an event of the user's stream.</summary>
public sealed record DisableUser(string Name) : ICommand<UserView>;

public sealed record EnableUser(string Name) : ICommand<UserView>;

public sealed class DisableUserHandler(IDocumentSession session, Actor actor)
    : ICommandHandler<DisableUser, UserView>, ICommandHandler<EnableUser, UserView>
{
    public ValueTask<UserView> Handle(DisableUser command, CancellationToken cancellationToken) =>
        Change(command.Name, user => AccessDecisions.Disable(user, actor.UserName, actor.Clearance), cancellationToken);

    public ValueTask<UserView> Handle(EnableUser command, CancellationToken cancellationToken) =>
        Change(command.Name, user => AccessDecisions.Enable(user, actor.Clearance), cancellationToken);

    private async ValueTask<UserView> Change(string name, Func<UserAccess, IReadOnlyList<IAccessEvent>> decide, CancellationToken cancellationToken)
    {
        var clean = UserNames.Clean(name);
        await AccessStreams.Change(session, clean, decide, cancellationToken);
        return (await AccessStreams.Load(session, clean, cancellationToken))!.View();
    }
}
