using CommsLedger.Application.Access.Credentials;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Access;
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

public sealed class AddUserHandler(IDocumentSession session, Actor actor) : ICommandHandler<AddUser, UserView>
{
    public async ValueTask<UserView> Handle(AddUser command, CancellationToken cancellationToken)
    {
        var name = UserNames.Clean(command.Name);
        var hash = command.Password is { } password ? PasswordHashing.Hash(password) : null;
        var added = AccessDecisions.Add(name, UserNames.Stored(command.Roles), command.Clearance, hash is null ? null : PasswordHashing.Fingerprint(hash), actor.Clearance);
        if (hash is not null)
        {
            session.Store(new UserPassword { Id = name, Hash = hash });
        }

        await AccessStreams.Start(session, added, cancellationToken);
        return (await AccessStreams.Load(session, name, cancellationToken))!.View();
    }
}
