using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Corrections;

/// <summary>Every correction and retraction says why: the reason stays beside it in the log.</summary>
internal static class Reasons
{
    public static void Check(FieldErrors errors, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "is required: say why the entry is corrected or retracted");
        }
        else
        {
            errors.RequireText(reason, "reason", 2000);
        }
    }
}
