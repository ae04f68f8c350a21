using System.ComponentModel;
using CommsLedger.Application.Access.Keys;
using CommsLedger.Application.Access.Users;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Recording;
using CommsLedger.Cli.Rendering;
using CommsLedger.Domain.Shared;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Access;

public sealed class AddUserSettings : OutputSettings
{
    [CommandOption("--name <NAME>")]
    [Description("The user name (letters, digits, . - _ @), as it appears on every event the user records.")]
    public string Name { get; init; } = "";

    [CommandOption("--role <ROLE>")]
    [Description("recorder, reviewer, reporter or admin; repeat (or separate with commas) for several.")]
    public string[] Roles { get; init; } = [];

    [CommandOption("--clearance <MARKING>")]
    [Description("UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP SECRET: the highest marking the user may see and record.")]
    public string Clearance { get; init; } = "";

    [CommandOption("--password-stdin")]
    [Description("Read a password (12+ characters) from the first line of standard input, for HTTP Basic sign-in.")]
    public bool PasswordFromStdin { get; init; }
}

/// <summary><c>users add</c>: the local operator adds a user (the first admin included).</summary>
public sealed class AddUserCommand(IAnsiConsole console) : AsyncCommand<AddUserSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AddUserSettings settings, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var roles = UserNames.Roles(settings.Roles, errors, "role");
        var clearance = UserNames.Clearance(settings.Clearance, errors, "clearance");
        errors.ThrowIfAny();
        var password = settings.PasswordFromStdin ? (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r') : null;
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var user = await ledger.Mediator.Send(new AddUser(settings.Name, roles, clearance, password), cancellationToken);
        Output.Write(console, settings.Format, user, (c, u) => c.MarkupLineInterpolated(
            $"Added user [bold]{u.Name}[/]: {string.Join(", ", u.Roles).ToLowerInvariant()}; clearance {u.Clearance.Display()}{(u.HasPassword ? "; password set" : "")}."), u => new[] { u });
        return ExitCodes.Ok;
    }
}

/// <summary><c>users list</c>.</summary>
public sealed class ListUsersCommand(IAnsiConsole console) : AsyncCommand<OutputSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, OutputSettings settings, CancellationToken cancellationToken)
    {
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var users = await ledger.Mediator.Send(new ListUsers(), cancellationToken);
        Output.Write(console, settings.Format, users, (c, list) =>
        {
            var table = new Table().AddColumns("user", "roles", "clearance", "password", "added", "by");
            foreach (var u in list)
            {
                table.AddRow(u.Name, string.Join(", ", u.Roles).ToLowerInvariant(), u.Clearance.Display(), u.HasPassword ? "yes" : "no",
                    u.CreatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), u.CreatedBy ?? "");
            }

            c.Write(table);
        }, list => list);
        return ExitCodes.Ok;
    }
}

public sealed class IssueKeySettings : OutputSettings
{
    [CommandArgument(0, "<USER>")]
    [Description("The user the key acts as (its roles and clearance).")]
    public string User { get; init; } = "";

    [CommandOption("--label <TEXT>")]
    [Description("What the key is for, e.g. nightly-briefs.")]
    public string? Label { get; init; }

    [CommandOption("--expires-in-days <DAYS>")]
    [Description("The key stops working after this many days: 1 to 365, default 90.")]
    public int? ExpiresInDays { get; init; }
}

/// <summary><c>users key issue</c>: prints the key once; only its hash is stored.</summary>
public sealed class IssueKeyCommand(IAnsiConsole console) : AsyncCommand<IssueKeySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, IssueKeySettings settings, CancellationToken cancellationToken)
    {
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var issued = await ledger.Mediator.Send(new IssueApiKey(settings.User, settings.Label, settings.ExpiresInDays), cancellationToken);
        Output.Write(console, settings.Format, issued, (c, k) =>
        {
            c.MarkupLineInterpolated($"API key {k.KeyId} for [bold]{k.User}[/], expires {Cells.Instant(k.ExpiresAt)} (send it as the X-Api-Key header; it is not shown again):");
            c.WriteLine(k.Key);
        }, k => new[] { k });
        return ExitCodes.Ok;
    }
}

public sealed class RevokeKeySettings : CommandSettings
{
    [CommandArgument(0, "<KEY_ID>")]
    [Description("The key's id (printed when it was issued).")]
    public string KeyId { get; init; } = "";
}

/// <summary><c>users key revoke</c>: the key stops working at once.</summary>
public sealed class RevokeKeyCommand(IAnsiConsole console) : AsyncCommand<RevokeKeySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RevokeKeySettings settings, CancellationToken cancellationToken)
    {
        var keyId = Arguments.Id(settings.KeyId, "keyId");
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        await ledger.Mediator.Send(new RevokeApiKey(keyId), cancellationToken);
        console.MarkupLineInterpolated($"Revoked API key {keyId}.");
        return ExitCodes.Ok;
    }
}
