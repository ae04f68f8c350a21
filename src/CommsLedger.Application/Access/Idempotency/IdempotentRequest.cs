using CommsLedger.Domain.Shared;

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

    /// <summary><c>scheme:user␟key</c>: keys are scoped to their user — and to whether the user is the ledger's own
    /// (API key, password) or a ministry identity provider's (JWT), whose names could coincide — so one user can
    /// never replay another's answer.</summary>
    public string Id { get; set; } = "";

    /// <summary>The clearance the request was made with: the kept response is given again only to that clearance
    /// or higher, since it may show what a lower one may not see.</summary>
    public Classification Clearance { get; set; } = Classification.TopSecret;

    public string RequestSha256 { get; set; } = "";
    public string State { get; set; } = Pending;
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? ETag { get; set; }
    public string? Location { get; set; }
    public string? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
