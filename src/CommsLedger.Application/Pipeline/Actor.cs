using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Pipeline;

/// <summary>The roles a ledger user can hold (see README "Users, roles and classification").</summary>
public enum LedgerRole
{
    Recorder,
    Reviewer,
    Reporter,
    Admin,
}

/// <summary>Who is acting, with which roles and clearance, and under which correlation id; set by the edge
/// (CLI user, HTTP principal) once per scope. <see cref="StampingBehaviour{TMessage, TResponse}"/> stamps the user
/// and correlation id on every event; queries show nothing classified above <see cref="Clearance"/>.</summary>
public sealed class Actor
{
    public string UserName { get; set; } = Environment.UserName;
    public string CorrelationId { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>The local operator of the CLI holds every clearance unless told otherwise.</summary>
    public Classification Clearance { get; set; } = Classification.TopSecret;

    public IReadOnlySet<LedgerRole> Roles { get; set; } = new HashSet<LedgerRole> { LedgerRole.Recorder, LedgerRole.Reviewer };
}
