using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.Timing;

namespace CommsLedger.Cli.Integrity;

/// <summary>The <c>--clock-tolerance</c> of integrate and verify.</summary>
internal static class ClockTolerance
{
    public static TimeSpan From(int? seconds) => seconds switch
    {
        null => RecordedTimeOrder.DefaultTolerance,
        >= 0 and <= 86_400 => TimeSpan.FromSeconds(seconds.Value),
        _ => throw new CommandRejected([new FieldError("--clock-tolerance", $"{seconds} is not 0 to 86400 seconds")]),
    };
}
