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

    public static string RoleNames => string.Join(", ", Enum.GetNames<LedgerRole>().Select(n => n.ToLowerInvariant()));
}
