namespace CommsLedger.Ingest.Dates;

internal enum TimePrecision
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>Which way an ambiguous reference ("Thursday", "in March") points: back for the call, forward for what was promised.</summary>
internal enum TimeDirection
{
    Past,
    Future,
}

/// <summary>
/// A time phrase found at [Start, Start + Length) of a text, resolved to the period [From, To] when it can be.
/// A deadline is the last day of the period ("next year" is due by 31 December).
/// </summary>
internal sealed record TimeReference(int Start, int Length, string Text, DateOnly? From, DateOnly? To, TimePrecision Precision)
{
    public bool IsResolved => From is not null;

    public DateOnly? Deadline => Precision == TimePrecision.Day ? From : To;

    public DateOnly? Day => Precision == TimePrecision.Day ? From : null;

    public string PrecisionName => Precision.ToString().ToLowerInvariant();
}
