namespace CommsLedger.Ingest;

/// <summary>The input cannot be a readout (binary, too large, not UTF-8). The message names the problem, e.g. "input: looks binary (NUL bytes)".</summary>
public sealed class ReadoutRejectedException : Exception
{
    public ReadoutRejectedException()
    {
    }

    public ReadoutRejectedException(string message)
        : base(message)
    {
    }

    public ReadoutRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
