using System.ComponentModel;
using CommsLedger.Application.Topology;
using CommsLedger.Cli.Hosting;
using CommsLedger.Domain.Shared;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Integrity.AppendOnly;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Integrity;

public sealed class GuardInstallSettings : CommandSettings
{
    [CommandOption("--owner-password <PASSWORD>")]
    [Description("Password for commsledger_owner, the role that owns the schema and runs migrations. Default: generated on first use and kept in the roles file (0600).")]
    public string? OwnerPassword { get; init; }

    [CommandOption("--app-password <PASSWORD>")]
    [Description("Password for commsledger_app, the role the API, the CLI and the integrator log in as. Default: generated, as above.")]
    public string? AppPassword { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(OwnerPassword) != string.IsNullOrEmpty(AppPassword)
            ? ValidationResult.Error("give --owner-password and --app-password together, or neither (then they are generated)")
            : ValidationResult.Success();
}

/// <summary>Makes PostgreSQL refuse to rewrite history, and upgrades a ledger set up before that was the default:
/// creates the owner and application roles, applies the ledger's schema as the owner, then installs the append-only
/// triggers and the application role's grants. Idempotent. Every later start of the CLI, API or web application on a
/// superuser's connection does the same by itself and then runs as the application role.</summary>
public sealed class GuardInstallCommand(IAnsiConsole console) : AsyncCommand<GuardInstallSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GuardInstallSettings settings, CancellationToken cancellationToken)
    {
        var roles = LedgerRoles.Default;
        var schema = SchemaFingerprint.Schema;
        await using var database = await Ledger.OpenDatabaseAsync(cancellationToken);
        await RequireSuperuserAsync(database.ConnectionString, cancellationToken);

        var given = settings.OwnerPassword is { } owner ? new RolePasswords(owner, settings.AppPassword!) : null;
        var app = await LedgerConnections.ProtectAsync(database, given, cancellationToken);
        using (var probed = new NpgsqlConnection(app))
        {
            NpgsqlConnection.ClearPool(probed);
        }

        console.MarkupLineInterpolated($"Roles {roles.Owner} and {roles.App} exist; schema {schema.Name} and everything in it belong to {roles.Owner}; it is migrated to this version.");
        console.MarkupLineInterpolated($"Append-only triggers installed on {schema.Events}, {schema.Streams}, {schema.Leaves} and {schema.Checkpoints} (SQLSTATE {AppendOnlyGuard.RewriteRefusedSqlState}).");
        console.MarkupLineInterpolated($"{roles.App} may read and append events, leaves and checkpoints but never update, delete or truncate them.");
        console.MarkupLineInterpolated($"The roles' passwords are kept in {database.RolePasswordsFile} (readable by you only).");
        console.MarkupLine("Connection strings to use from now on:");
        console.MarkupLineInterpolated($"  migrations (COMMSLEDGER_OWNER_CONNECTION), kept by the people who deploy: {Shape(database.ConnectionString, roles.Owner, "<owner password>")}");
        console.MarkupLineInterpolated($"  the running service (API, CLI, integrator) as COMMSLEDGER_CONNECTION: {Shape(database.ConnectionString, roles.App, "<app password>")}");
        console.MarkupLine("A superuser can still disable the triggers: commsledger verify and the checkpoints you keep are what detect that.");
        return ExitCodes.Ok;
    }

    private static async Task RequireSuperuserAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        var probe = await SchemaFingerprint.ProbeAsync(connection, ct);
        if (!probe.IsSuperuser)
        {
            throw new LedgerRuleViolated("connection", $"guard install creates roles and so runs as a superuser; {probe.User} is not one: point COMMSLEDGER_CONNECTION at a superuser for this command");
        }
    }

    private static string Shape(string connectionString, string role, string passwordPlaceholder) =>
        $"{new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = null }};Password={passwordPlaceholder}";
}
