using System.ComponentModel;
using CommsLedger.Application;
using CommsLedger.Cli.Hosting;
using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.AppendOnly;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Integrity;

public sealed class GuardInstallSettings : CommandSettings
{
    [CommandOption("--owner-password <PASSWORD>")]
    [Description("Password for commsledger_owner, the role that owns the schema and runs migrations.")]
    public string? OwnerPassword { get; init; }

    [CommandOption("--app-password <PASSWORD>")]
    [Description("Password for commsledger_app, the role the API, the CLI and the integrator log in as.")]
    public string? AppPassword { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(OwnerPassword) || string.IsNullOrEmpty(AppPassword)
            ? ValidationResult.Error("--owner-password and --app-password are both required")
            : ValidationResult.Success();
}

/// <summary>Makes PostgreSQL refuse to rewrite history: creates the owner and application roles, applies the
/// ledger's schema as the owner, then installs the append-only triggers and the application role's grants.
/// Idempotent; run it again after every migration so new tables get their grants.</summary>
public sealed class GuardInstallCommand(IAnsiConsole console) : AsyncCommand<GuardInstallSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GuardInstallSettings settings, CancellationToken cancellationToken)
    {
        var roles = LedgerRoles.Default;
        var schema = LogDatabase.Schema;
        await using var database = await LogDatabase.OpenAsync(cancellationToken);
        await RequireSuperuserAsync(database.DataSource, cancellationToken);

        await AppendOnlyGuard.CreateRolesAsync(database.DataSource, schema, roles, settings.OwnerPassword, settings.AppPassword, cancellationToken);
        console.MarkupLineInterpolated($"Roles {roles.Owner} and {roles.App} exist; schema {schema.Name} and everything in it belong to {roles.Owner}.");

        var owner = As(database.ConnectionString, roles.Owner, settings.OwnerPassword);
        await ApplyLedgerSchemaAsync(owner.ConnectionString);
        await using (var ownerSource = NpgsqlDataSource.Create(owner))
        {
            await AppendOnlyGuard.InstallAsync(ownerSource, schema, roles, cancellationToken);
        }

        console.MarkupLineInterpolated($"Append-only triggers installed on {schema.Events}, {schema.Streams}, {schema.Leaves} and {schema.Checkpoints} (SQLSTATE {AppendOnlyGuard.RewriteRefusedSqlState}).");
        console.MarkupLineInterpolated($"{roles.App} may read and append events, leaves and checkpoints but never update, delete or truncate them.");
        console.MarkupLine("Connection strings to use from now on:");
        console.MarkupLineInterpolated($"  migrations and guard install, kept by the people who deploy: {Shape(database.ConnectionString, roles.Owner, "<owner password>")}");
        console.MarkupLineInterpolated($"  the running service (API, CLI, integrator) as COMMSLEDGER_CONNECTION: {Shape(database.ConnectionString, roles.App, "<app password>")}");
        console.MarkupLine("A superuser can still disable the triggers: commsledger verify and the checkpoints you keep are what detect that.");
        return ExitCodes.Ok;
    }

    private static async Task RequireSuperuserAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user");
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || !reader.GetBoolean(1))
        {
            var user = reader.IsOnRow ? reader.GetString(0) : "this role";
            throw new LedgerRuleViolated("connection", $"guard install creates roles and so runs as a superuser; {user} is not one: point COMMSLEDGER_CONNECTION at a superuser for this command");
        }
    }

    /// <summary>Marten's tables, created or brought up to date by the owner, so the owner owns them and the
    /// guard has an event table to protect.</summary>
    private static async Task ApplyLedgerSchemaAsync(string ownerConnectionString)
    {
        await using var services = new ServiceCollection().AddLedger(ownerConnectionString).BuildServiceProvider();
        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    private static NpgsqlConnectionStringBuilder As(string connectionString, string role, string? password) =>
        new(connectionString) { Username = role, Password = password };

    private static string Shape(string connectionString, string role, string passwordPlaceholder) =>
        $"{As(connectionString, role, null)};Password={passwordPlaceholder}";
}
