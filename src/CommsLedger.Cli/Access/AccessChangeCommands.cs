using System.ComponentModel;
using CommsLedger.Application.Access.History;
using CommsLedger.Application.Access.Keys;
using CommsLedger.Application.Access.Users;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Domain.Shared;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Access;

public sealed class ChangeUserSettings : OutputSettings
{
    [CommandArgument(0, "<USER>")]
    [Description("The user whose access changes.")]
    public string User { get; init; } = "";

    [CommandOption("--role <ROLE>")]
    [Description("The user's roles from now on (recorder, reviewer, reporter, admin); repeat or separate with commas.")]
    public string[] Roles { get; init; } = [];

    [CommandOption("--clearance <MARKING>")]
    [Description("The user's clearance from now on.")]
    public string? Clearance { get; init; }
}

/// <summary><c>users change</c>: new roles, a new clearance or both, each an event of the ledger.</summary>
public sealed class ChangeUserCommand(IAnsiConsole console) : AsyncCommand<ChangeUserSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ChangeUserSettings settings, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var roles = settings.Roles.Length == 0 ? null : UserNames.Roles(settings.Roles, errors, "role");
        Classification? clearance = settings.Clearance is null ? null : UserNames.Clearance(settings.Clearance, errors, "clearance");
        errors.ThrowIfAny();
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var user = await ledger.Mediator.Send(new ChangeUserAccess(settings.User, roles, clearance), cancellationToken);
        Output.Write(console, settings.Format, user, (c, u) => c.MarkupLineInterpolated(
            $"[bold]{u.Name}[/]: {string.Join(", ", u.Roles).ToLowerInvariant()}; clearance {u.Clearance.Display()}."), u => new[] { u });
        return ExitCodes.Ok;
    }
}

public sealed class UserSettings : OutputSettings
{
    [CommandArgument(0, "<USER>")]
    [Description("The user.")]
    public string User { get; init; } = "";
}

/// <summary><c>users key list</c>: a user's keys, when each expires and whether it still works.</summary>
public sealed class ListKeysCommand(IAnsiConsole console) : AsyncCommand<UserSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
    {
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var keys = await ledger.Mediator.Send(new ListApiKeys(settings.User), cancellationToken);
        var rows = keys.Select(k => new KeyRow(k.KeyId, k.Label, Cells.Instant(k.IssuedAt), k.IssuedBy ?? "", Cells.Instant(k.ExpiresAt), k.Status,
            k.RevokedAt is { } revoked ? Cells.Instant(revoked) : "", k.RevokedBy ?? "")).ToArray();
        Output.Write(console, settings.Format, keys, (c, _) => c.Write(Cells.Table(rows)), _ => rows);
        return ExitCodes.Ok;
    }
}

public sealed class HistorySettings : OutputSettings
{
    [CommandArgument(0, "[USER]")]
    [Description("Only this user's changes (default: everyone's).")]
    public string? User { get; init; }
}

/// <summary><c>users history</c>: every change of access, as recorded in the ledger.</summary>
public sealed class AccessHistoryCommand(IAnsiConsole console) : AsyncCommand<HistorySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, HistorySettings settings, CancellationToken cancellationToken)
    {
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var lines = await ledger.Mediator.Send(new GetAccessHistory(settings.User), cancellationToken);
        var rows = lines.Select(l => new AccessRow(Cells.Instant(l.RecordedAt), l.By ?? "", l.User, l.What, l.Was ?? "", l.EventId)).ToArray();
        Output.Write(console, settings.Format, lines, (c, _) => c.Write(Cells.Table(rows)), _ => rows);
        return ExitCodes.Ok;
    }
}

[CsvHelper.CsvRecord]
public sealed partial record KeyRow(Guid Key, string Label, string Issued, string By, string Expires, string Status, string Revoked, string RevokedBy);

[CsvHelper.CsvRecord]
public sealed partial record AccessRow(string Recorded, string By, string User, string What, string Was, Guid Event);
