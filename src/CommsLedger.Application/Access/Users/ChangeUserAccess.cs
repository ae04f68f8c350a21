using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Access;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Users;

/// <summary>An administrator changes a user's roles, clearance or both (null leaves it as it is). Each change is an
/// event of the user's stream; asking for what the user already has appends nothing.</summary>
public sealed record ChangeUserAccess(string Name, IReadOnlyList<LedgerRole>? Roles, Classification? Clearance) : ICommand<UserView>, IChecked
{
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new FieldErrors();
        UserNames.Check(Name, errors);
        errors.Require(Roles is not null || Clearance is not null, "roles", "give roles, a clearance or both");
        errors.Require(Roles is null || Roles.Count > 0, "roles", $"at least one role is required ({UserNames.RoleNames})");
        errors.Require(Roles is null || Roles.All(Enum.IsDefined), "roles", "holds a value that is not a role");
        errors.Require(Clearance is null || Enum.IsDefined(Clearance.Value), "clearance", "is not a classification");
        return errors.All;
    }
}

public sealed class ChangeUserAccessHandler(IDocumentSession session, Actor actor) : ICommandHandler<ChangeUserAccess, UserView>
{
    public async ValueTask<UserView> Handle(ChangeUserAccess command, CancellationToken cancellationToken)
    {
        var name = UserNames.Clean(command.Name);
        var roles = command.Roles is null ? null : UserNames.Stored(command.Roles);
        await AccessStreams.Change(session, name, user => AccessDecisions.Change(user, roles, command.Clearance, actor.Clearance), cancellationToken);
        return (await AccessStreams.Load(session, name, cancellationToken))!.View();
    }
}
