using Spectre.Console.Cli;

namespace CommsLedger.Cli.Access;

/// <summary>The administrators' commands: <c>users add|list|change|history</c> and <c>users key issue|list|revoke</c>.</summary>
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
            users.AddCommand<ChangeUserCommand>("change")
                .WithDescription("Change a user's roles, clearance or both; each change is an event of the ledger.")
                .WithExample("users", "change", "rita", "--clearance", "TOP SECRET")
                .WithExample("users", "change", "rita", "--role", "recorder", "--role", "reviewer");
            users.AddCommand<AccessHistoryCommand>("history")
                .WithDescription("Every change of access (users added, roles, clearances, keys issued and revoked), as recorded in the ledger.")
                .WithExample("users", "history")
                .WithExample("users", "history", "rita", "--format", "json");
            users.AddBranch("key", key =>
            {
                key.SetDescription("API keys for reporting jobs and scripts.");
                key.AddCommand<IssueKeyCommand>("issue")
                    .WithDescription("Issue an API key acting as the user; printed once, stored only as a hash.")
                    .WithExample("users", "key", "issue", "reports", "--label", "nightly-briefs")
                    .WithExample("users", "key", "issue", "reports", "--label", "quarterly", "--expires-in-days", "30");
                key.AddCommand<ListKeysCommand>("list")
                    .WithDescription("A user's API keys: when each was issued and expires, and whether it still works.")
                    .WithExample("users", "key", "list", "reports");
                key.AddCommand<RevokeKeyCommand>("revoke")
                    .WithDescription("Revoke an API key.")
                    .WithExample("users", "key", "revoke", "3f2b8c1e-0000-0000-0000-000000000000");
            });
        });
        return config;
    }
}
