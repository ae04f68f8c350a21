using System.Text.RegularExpressions;

namespace CommsLedger.Integrity.AppendOnly;

/// <summary>
/// The two database roles of a ledger. <see cref="Owner"/> owns the schema and runs migrations (Marten's schema
/// changes, <see cref="AppendOnlyGuard.InstallAsync"/>); its credentials stay with the people who deploy.
/// <see cref="App"/> is what the running application logs in as: it can read and append events, and do what
/// documents and projections need, but it cannot rewrite, delete or truncate events, leaves or checkpoints.
/// </summary>
public sealed partial record LedgerRoles
{
    public LedgerRoles(string owner = "commsledger_owner", string app = "commsledger_app")
    {
        Owner = Check(owner, nameof(owner));
        App = Check(app, nameof(app));
    }

    public static LedgerRoles Default { get; } = new();

    public string Owner { get; }

    public string App { get; }

    private static string Check(string role, string parameter) =>
        role is not null && RoleName().IsMatch(role)
            ? role
            : throw new ArgumentException($"'{role}' is not a plain PostgreSQL role name.", parameter);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
