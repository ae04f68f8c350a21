namespace CommsLedger.Application.Pipeline;

/// <summary>Who is acting and under which correlation id; set by the edge (CLI user, HTTP principal)
/// once per scope and stamped on every event by <see cref="StampingBehaviour{TMessage, TResponse}"/>.</summary>
public sealed class Actor
{
    public string UserName { get; set; } = Environment.UserName;
    public string CorrelationId { get; set; } = Guid.NewGuid().ToString("N");
}
