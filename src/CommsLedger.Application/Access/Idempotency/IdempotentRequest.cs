namespace CommsLedger.Application.Access.Idempotency;

/// <summary>
/// One Idempotency-Key of one user: the hash of the request it first came with and, once that succeeded, the
/// response to give again. Written as <see cref="Pending"/> in the same transaction as the command's events, so a
/// key is either unused or tied to exactly one append.
/// </summary>
public sealed class IdempotentRequest
{
    public const string Pending = "pending";
    public const string Done = "done";

    /// <summary><c>user␟key</c>: keys are scoped to their user, so one user can never replay another's answer.</summary>
    public string Id { get; set; } = "";

    public string RequestSha256 { get; set; } = "";
    public string State { get; set; } = Pending;
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? ETag { get; set; }
    public string? Location { get; set; }
    public string? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
