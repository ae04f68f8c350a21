namespace CommsLedger.Domain.Shared;

/// <summary>The small phrases events' history lines share.</summary>
internal static class Wording
{
    public static string To(string? to) => to is null ? " (general)" : $" to {to}";

    public static string Due(DateOnly? due) => due is { } d ? $" (due {DateText.Write(d)})" : "";
}
