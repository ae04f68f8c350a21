using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Access.Users;

/// <summary>How user names, roles and clearances are spelled by administrators (CLI and API alike).</summary>
public static class UserNames
{
    public static string Clean(string? name) => (name ?? "").Trim().ToLowerInvariant();

    public static void Check(string? name, FieldErrors errors, string field = "name")
    {
        var clean = Clean(name);
        errors.Require(clean.Length is >= 1 and <= 64, field, "is required (1 to 64 characters)");
        errors.Require(clean.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'), field,
            $"'{name}' may hold only letters, digits and . - _ @");
    }

    public static IReadOnlyList<LedgerRole> Roles(IEnumerable<string>? texts, FieldErrors errors, string field = "roles")
    {
        var roles = new List<LedgerRole>();
        foreach (var text in (texts ?? []).SelectMany(t => (t ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (EnumText.IsName<LedgerRole>(text))
            {
                roles.Add(Enum.Parse<LedgerRole>(text, ignoreCase: true));
            }
            else
            {
                errors.Add(field, $"'{text}' is not a role; use {RoleNames}");
            }
        }

        errors.Require(roles.Count > 0 || errors.All.Any(e => e.Field == field), field, $"at least one role is required ({RoleNames})");
        return roles.Distinct().Order().ToArray();
    }

    public static Classification Clearance(string? text, FieldErrors errors, string field = "clearance")
    {
        if (ClassificationNames.TryParse((text ?? "").Replace('-', ' '), out var clearance))
        {
            return clearance;
        }

        errors.Add(field, $"'{text}' is not one of {string.Join(", ", Wire.WireNames.All<Classification>())}");
        return Classification.Unclassified;
    }

    /// <summary>Roles as the user's stream stores them: lower-case names, in order.</summary>
    public static IReadOnlyList<string> Stored(IEnumerable<LedgerRole> roles) =>
        [.. roles.Distinct().Order().Select(r => r.ToString().ToLowerInvariant())];

    /// <summary>The roles a stream stored; a name no longer a role grants nothing.</summary>
    public static IReadOnlyList<LedgerRole> RolesOf(IEnumerable<string> stored) =>
        [.. stored.Where(EnumText.IsName<LedgerRole>).Select(r => Enum.Parse<LedgerRole>(r, ignoreCase: true)).Distinct().Order()];

    public static string RoleNames => string.Join(", ", Enum.GetNames<LedgerRole>().Select(n => n.ToLowerInvariant()));
}
