namespace CommsLedger.Api.Problems;

/// <summary>An HTTP-level refusal that has no domain exception: a missing If-Match (428), a reused Idempotency-Key
/// (422), a request still in flight (409). Mapped to ProblemDetails with the others in <see cref="LedgerProblems"/>.</summary>
public sealed class RequestRefused(int status, string title, string detail, string? field = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Field { get; } = field;

    /// <summary>Sent as <c>Retry-After</c> (whole seconds, rounded up) when the refusal is only for a while (a 429).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
