using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Changing;

/// <summary>An administrator changes a user's roles and clearance. Nobody grants a clearance above their own, nor
/// changes a user cleared above them.</summary>
public sealed record ChangeUserAccess(string Name, IReadOnlyList<LedgerRole> Roles, Classification Clearance) : ICommand<UserView>, IChecked
{
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new FieldErrors();
        UserNames.Check(Name, errors);
        errors.Require(Roles.Count > 0, "roles", $"at least one role is required ({UserNames.RoleNames})");
        errors.Require(Roles.All(Enum.IsDefined), "roles", "holds a value that is not a role");
        errors.Require(Enum.IsDefined(Clearance), "clearance", "is not a classification");
        return errors.All;
    }
}

public sealed class ChangeUserAccessHandler(IDocumentSession session, Actor actor) : ICommandHandler<ChangeUserAccess, UserView>
{
    public async ValueTask<UserView> Handle(ChangeUserAccess command, CancellationToken cancellationToken)
    {
        var user = await session.ManagedUser(command.Name, actor, cancellationToken);
        ClearanceTooLow.Require(actor.Clearance, command.Clearance, $"granting {command.Clearance.Display()} clearance");
        if (user.Id == UserNames.Clean(actor.UserName) && !command.Roles.Contains(LedgerRole.Admin))
        {
            throw new LedgerRuleViolated("roles", "you cannot take the admin role from yourself; another administrator can");
        }

        user.Roles = [.. command.Roles.Distinct().Order()];
        user.Clearance = command.Clearance;
        session.Update(user);
        await session.SaveChangesAsync(cancellationToken);
        return user.View();
    }
}

public static class ManagedUsers
{
    /// <summary>The user an administrator may change: one that exists, cleared no higher than the administrator.</summary>
    public static async Task<LedgerUser> ManagedUser(this IDocumentSession session, string name, Actor actor, CancellationToken cancellationToken)
    {
        var clean = UserNames.Clean(name);
        var user = await session.LoadAsync<LedgerUser>(clean, cancellationToken)
            ?? throw new LedgerRuleViolated("name", $"there is no user '{clean}'");
        ClearanceTooLow.Require(actor.Clearance, user.Clearance, $"changing a {user.Clearance.Display()} user");
        return user;
    }
}
