using CommsLedger.Application.Access.Credentials;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Access.Users;

/// <summary>An administrator adds a user with roles and a clearance, and optionally a password (stored hashed).
/// Who may do this is decided at the edge: the API requires the admin role; the CLI's local operator is trusted.
/// Nobody grants a clearance above their own: an UNCLASSIFIED admin cannot make a TOP SECRET reviewer.</summary>
public sealed record AddUser(string Name, IReadOnlyList<LedgerRole> Roles, Classification Clearance, string? Password) : ICommand<UserView>, IChecked
{
    public const int MinimumPasswordLength = 12;

    public IReadOnlyList<FieldError> Check()
    {
        var errors = new FieldErrors();
        UserNames.Check(Name, errors);
        errors.Require(Roles.Count > 0, "roles", $"at least one role is required ({UserNames.RoleNames})");
        errors.Require(Roles.All(Enum.IsDefined), "roles", "holds a value that is not a role");
        errors.Require(Enum.IsDefined(Clearance), "clearance", "is not a classification");
        errors.Require(Password is null || Password.Length is >= MinimumPasswordLength and <= 1024, "password",
            $"must be {MinimumPasswordLength} to 1024 characters");
        return errors.All;
    }
}

public sealed class AddUserHandler(IDocumentSession session, Actor actor, TimeProvider clock) : ICommandHandler<AddUser, UserView>
{
    public async ValueTask<UserView> Handle(AddUser command, CancellationToken cancellationToken)
    {
        ClearanceTooLow.Require(actor.Clearance, command.Clearance, $"granting {command.Clearance.Display()} clearance");
        var name = UserNames.Clean(command.Name);
        if (await session.LoadAsync<LedgerUser>(name, cancellationToken) is not null)
        {
            throw new LedgerRuleViolated("name", $"user '{name}' already exists");
        }

        var user = new LedgerUser
        {
            Id = name,
            Roles = [.. command.Roles.Distinct().Order()],
            Clearance = command.Clearance,
            PasswordHash = command.Password is { } password ? PasswordHashing.Hash(password) : null,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.UserName,
        };
        session.Insert(user);
        await session.SaveChangesAsync(cancellationToken);
        return user.View();
    }
}
