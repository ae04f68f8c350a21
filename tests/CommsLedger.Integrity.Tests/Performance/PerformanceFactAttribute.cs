namespace CommsLedger.Integrity.Tests.Performance;

/// <summary>Runs only when <c>COMMSLEDGER_PERF_EVENTS</c> names how many events to measure with: too slow for every build.</summary>
public sealed class PerformanceFactAttribute : FactAttribute
{
    public const string Variable = "COMMSLEDGER_PERF_EVENTS";

    public PerformanceFactAttribute()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(Variable), out _))
        {
            Skip = $"Set {Variable}=100000 to measure verify throughput.";
        }
    }

    public static int Events => int.Parse(Environment.GetEnvironmentVariable(Variable)!, System.Globalization.CultureInfo.InvariantCulture);
}
