using Spectre.Console.Cli;

namespace CommsLedger.Cli.Access;

/// <summary>The administrators' commands: <c>users add|list</c> and <c>users key issue|revoke</c>.</summary>
public static class AccessCommands
{
    public static IConfigurator AddAccessCommands(this IConfigurator config)
    {
        config.AddBranch("users", users =>
        {
            users.SetDescription("Users of the HTTP API, their roles, clearances and API keys. The local operator is trusted (bootstrap the first admin here).");
            users.AddCommand<AddUserCommand>("add")
                .WithDescription("Add a user with roles and a clearance; --password-stdin sets a password for HTTP Basic sign-in.")
                .WithExample("users", "add", "--name", "admin", "--role", "admin", "--clearance", "UNCLASSIFIED")
                .WithExample("users", "add", "--name", "rita", "--role", "recorder", "--clearance", "SECRET", "--password-stdin");
            users.AddCommand<ListUsersCommand>("list")
                .WithDescription("List users with their roles and clearances.")
                .WithExample("users", "list");
            users.AddBranch("key", key =>
            {
                key.SetDescription("API keys for reporting jobs and scripts.");
                key.AddCommand<IssueKeyCommand>("issue")
                    .WithDescription("Issue an API key acting as the user; printed once, stored only as a hash.")
                    .WithExample("users", "key", "issue", "reports", "--label", "nightly-briefs");
                key.AddCommand<RevokeKeyCommand>("revoke")
                    .WithDescription("Revoke an API key.")
                    .WithExample("users", "key", "revoke", "3f2b8c1e-0000-0000-0000-000000000000");
            });
        });
        return config;
    }
}
