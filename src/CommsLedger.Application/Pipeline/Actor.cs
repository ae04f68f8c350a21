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
/// and correlation id on every event; queries show nothing classified above <see cref="Clearance"/>.
/// A fresh actor holds nothing: no role, UNCLASSIFIED. Only an edge that knows who acts raises it.</summary>
public sealed class Actor
{
    public string UserName { get; set; } = "anonymous";
    public string CorrelationId { get; set; } = Guid.NewGuid().ToString("N");
    public Classification Clearance { get; set; } = Classification.Unclassified;
    public IReadOnlySet<LedgerRole> Roles { get; set; } = new HashSet<LedgerRole>();
}
