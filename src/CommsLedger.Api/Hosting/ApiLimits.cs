namespace CommsLedger.Api.Hosting;

public static class ApiLimits
{
    /// <summary>The largest request body read: a logged interaction with its statements is a few KiB; 1 MiB is generous.</summary>
    public const long MaxBodyBytes = 1024 * 1024;
}
